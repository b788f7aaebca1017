using System.Globalization;

namespace RdNas.Nas.Runs;

/// <summary>
/// How much a run trained: epochs, batch size and training images (the last two unknown for result files written
/// before they were recorded). Runs with different budgets are different configurations, whatever their preset says.
/// </summary>
public sealed record TrainingBudget(int Epochs, int? BatchSize, int? TrainImages)
{
    /// <summary>"75 epochs of 10000 images, batch 128", leaving out what is unknown.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Epochs} epochs{(TrainImages is { } images ? $" of {images} images" : "")}{(BatchSize is { } batch ? $", batch {batch}" : "")}");
}
