using System.Collections.Immutable;

namespace RdNas.Abstractions.Architectures;

/// <summary>What an architecture grain knows.</summary>
/// <param name="Space">The search space, such as <c>nb201</c>.</param>
/// <param name="Arch">The canonical architecture code.</param>
/// <param name="GroundTruth">Benchmark accuracies (percent) by dataset column.</param>
/// <param name="ProxyScores">Proxy scores computed so far, by proxy name.</param>
/// <param name="SupernetScores">Supernet accuracies recorded by experiments.</param>
[GenerateSerializer, Immutable, Alias("RdNas.ArchitectureSummary")]
public sealed record ArchitectureSummary(
    [property: Id(0)] string Space,
    [property: Id(1)] string Arch,
    [property: Id(2)] ImmutableSortedDictionary<string, double> GroundTruth,
    [property: Id(3)] ImmutableSortedDictionary<string, double> ProxyScores,
    [property: Id(4)] ImmutableArray<SupernetScore> SupernetScores);
