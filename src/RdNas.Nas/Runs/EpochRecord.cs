using System.Text.Json.Serialization;

namespace RdNas.Nas.Runs;

/// <summary>One trained epoch of a run's training curve (result.json's <c>training_curve</c>).</summary>
/// <param name="Epoch">Finished epochs after this one (1-based).</param>
/// <param name="Loss">Mean over the epoch's steps of the cross-entropy of the subnets each step trained (sandwich: the largest subnet's; ranking and distillation terms are not included).</param>
/// <param name="TrainAccuracy">Mean training accuracy of those subnets on their augmented batches, in [0, 1].</param>
/// <param name="LearningRate">The epoch's learning rate.</param>
/// <param name="Seconds">Wall-clock seconds the epoch took.</param>
public sealed record EpochRecord(
    [property: JsonPropertyName("epoch")] int Epoch,
    [property: JsonPropertyName("loss")] double Loss,
    [property: JsonPropertyName("train_accuracy")] double TrainAccuracy,
    [property: JsonPropertyName("learning_rate")] double LearningRate,
    [property: JsonPropertyName("seconds")] double Seconds) : IEpochEntry;
