namespace RdNas.Abstractions.Experiments;

/// <summary>
/// What an experiment trains: the search space, the training method (and, for RD-NAS, its pairs, teacher, loss and λ),
/// a preset budget with optional overrides, the seeds, and optionally a search with the trained supernet. Checked
/// when submitted; the error names the field.
/// </summary>
/// <param name="Space">The search space (<c>nb201</c>).</param>
/// <param name="Sampler">spos, fairnas, sandwich or rdnas.</param>
/// <param name="Preset">smoke, small, medium or paper.</param>
/// <param name="Seed">Seed of weights, data order, augmentation and sampled subnets.</param>
/// <param name="Epochs">Overrides the preset's epoch count.</param>
/// <param name="BatchSize">Overrides the preset's batch size.</param>
/// <param name="TrainImages">Overrides the preset's number of training images.</param>
/// <param name="Teacher">RD-NAS teacher: a proxy or <c>ensemble:a+b</c>.</param>
/// <param name="PairSampler">RD-NAS pairs: margin, hamming or random.</param>
/// <param name="PairThreshold">RD-NAS: the pair sampler's smallest distance (null: its default).</param>
/// <param name="Margin">RD-NAS ranking loss margin (null: the reference code's loss).</param>
/// <param name="Lambda">RD-NAS λ schedule: sine, warmup or const:V.</param>
/// <param name="SplitSeed">Seed of the train/valid split.</param>
/// <param name="GroundTruth">The benchmark column the ranking is scored against.</param>
/// <param name="AverageWeightsAfter">Evaluate the mean of the weights of the epochs after this one (null: the last weights).</param>
/// <param name="Search">After the evaluation, search the cells with the trained supernet (null: no search).</param>
/// <param name="HeadDropout">Overrides the preset's dropout before the supernet's classifier (the reference code's 0.1).</param>
/// <param name="BnStatistics">
/// Overrides the batch-norm statistics subnets are scored with: <c>recalibrated</c> (the presets') or <c>valid-batch</c>
/// (each batch of 64 valid images normalised by itself, as the reference code's ranking evaluation does).
/// </param>
/// <param name="Subnets">Overrides how many subnets of the 4-op space the final evaluation scores (the presets' 200).</param>
/// <param name="SampleSeed">
/// Overrides the seed of the evaluation's subnet sample (the presets' 0, so every run scores the same cells; another
/// seed draws a held-out sample).
/// </param>
/// <param name="RescoreOf">
/// Trains nothing: scores the supernet of this completed experiment (whose training settings the spec must repeat)
/// with this spec's evaluation settings, on the cluster's training silos (null: train).
/// </param>
[GenerateSerializer, Immutable, Alias("RdNas.ExperimentSpec")]
public sealed record ExperimentSpec(
    [property: Id(0)] string Space = "nb201",
    [property: Id(1)] string Sampler = "spos",
    [property: Id(2)] string Preset = "small",
    [property: Id(3)] long Seed = 0,
    [property: Id(4)] int? Epochs = null,
    [property: Id(5)] int? BatchSize = null,
    [property: Id(6)] int? TrainImages = null,
    [property: Id(7)] string Teacher = "flops",
    [property: Id(8)] string PairSampler = "margin",
    [property: Id(9)] double? PairThreshold = null,
    [property: Id(10)] double? Margin = null,
    [property: Id(11)] string Lambda = "sine",
    [property: Id(12)] long SplitSeed = 0,
    [property: Id(13)] string GroundTruth = "cifar10_valid",
    [property: Id(14)] int? AverageWeightsAfter = null,
    [property: Id(15)] ExperimentSearchSpec? Search = null,
    [property: Id(16)] double? HeadDropout = null,
    [property: Id(17)] string? BnStatistics = null,
    [property: Id(18)] int? Subnets = null,
    [property: Id(19)] long? SampleSeed = null,
    [property: Id(20)] string? RescoreOf = null)
{
    /// <summary>
    /// What of the spec decides the trained weights: everything but the evaluation's settings, the search after it and
    /// <see cref="RescoreOf"/>, which are set to their defaults. Two specs with equal training settings train the same
    /// supernet.
    /// </summary>
    public ExperimentSpec TrainingSettings() => this with { GroundTruth = new ExperimentSpec().GroundTruth, Search = null, BnStatistics = null, Subnets = null, SampleSeed = null, RescoreOf = null };
}
