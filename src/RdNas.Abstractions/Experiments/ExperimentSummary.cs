namespace RdNas.Abstractions.Experiments;

/// <summary>One line of the experiment list.</summary>
/// <param name="Id">The experiment.</param>
/// <param name="Spec">What it trains.</param>
/// <param name="SubmittedUtc">When it was submitted.</param>
[GenerateSerializer, Immutable, Alias("RdNas.ExperimentSummary")]
public sealed record ExperimentSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] ExperimentSpec Spec,
    [property: Id(2)] DateTimeOffset SubmittedUtc);
