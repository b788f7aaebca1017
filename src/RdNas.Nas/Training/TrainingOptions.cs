namespace RdNas.Nas.Training;

/// <summary>
/// Supernet training hyperparameters. The defaults are the RD-NAS protocol: SGD lr 0.025, momentum 0.9, weight decay
/// 5e-4, cosine annealing to 1e-3 per epoch, batch 64, 250 epochs.
/// </summary>
/// <param name="Epochs">Passes over the training images.</param>
/// <param name="BatchSize">Images per step.</param>
/// <param name="TrainImages">Images of the train half used, from its seeded order; null for all of them.</param>
/// <param name="Seed">Seeds weights, data order, augmentation and sampled subnets.</param>
public sealed record TrainingOptions(int Epochs = 250, int BatchSize = 64, int? TrainImages = null, long Seed = 0)
{
    /// <summary>Initial learning rate.</summary>
    public double LearningRate { get; init; } = 0.025;

    /// <summary>Learning rate at the end of the cosine schedule.</summary>
    public double MinLearningRate { get; init; } = 1e-3;

    /// <summary>SGD momentum.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>L2 weight decay.</summary>
    public double WeightDecay { get; init; } = 5e-4;

    /// <summary>
    /// Step the weights of operations a step's subnet skips with a zero gradient (weight decay and momentum move them),
    /// as one-shot code written for PyTorch 1 did through <c>optimizer.zero_grad()</c>; false leaves them alone, as
    /// PyTorch 2's gradients cleared to none do (<see cref="MomentumSgd.UpdateUnusedParameters"/>).
    /// </summary>
    public bool UpdateUnusedParameters { get; init; }

    /// <summary>
    /// Evaluate the mean of the weights at the end of every epoch after this one (stochastic weight averaging) instead
    /// of the last weights; null for the last weights.
    /// </summary>
    public int? AverageWeightsAfter { get; init; }

    /// <summary>Checks every field; the error names the field.</summary>
    public TrainingOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Epochs, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
        if (TrainImages is { } images)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(images, BatchSize, nameof(TrainImages));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate, nameof(LearningRate));
        ArgumentOutOfRangeException.ThrowIfNegative(MinLearningRate, nameof(MinLearningRate));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinLearningRate, LearningRate, nameof(MinLearningRate));
        ArgumentOutOfRangeException.ThrowIfNegative(Momentum, nameof(Momentum));
        ArgumentOutOfRangeException.ThrowIfNegative(WeightDecay, nameof(WeightDecay));
        if (AverageWeightsAfter is { } after)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(after, nameof(AverageWeightsAfter));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(after, Epochs, nameof(AverageWeightsAfter));
        }

        return this;
    }

    /// <summary>The cosine-annealed learning rate of epoch <paramref name="epoch"/> (0-based), constant within the epoch.</summary>
    public double LearningRateAt(int epoch) =>
        MinLearningRate + ((LearningRate - MinLearningRate) * (1 + Math.Cos(Math.PI * epoch / Epochs)) / 2);
}
