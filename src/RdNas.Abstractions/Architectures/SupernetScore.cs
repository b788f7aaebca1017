namespace RdNas.Abstractions.Architectures;

/// <summary>The accuracy one experiment's trained supernet gave an architecture.</summary>
/// <param name="ExperimentId">The experiment that scored it.</param>
/// <param name="Accuracy">Supernet accuracy on the experiment's valid images, in [0, 1].</param>
/// <param name="RecordedUtc">When the experiment finished.</param>
[GenerateSerializer, Immutable, Alias("RdNas.SupernetScore")]
public sealed record SupernetScore(
    [property: Id(0)] string ExperimentId,
    [property: Id(1)] double Accuracy,
    [property: Id(2)] DateTimeOffset RecordedUtc);
