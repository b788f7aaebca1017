using RdNas.Abstractions.Architectures;

namespace RdNas.Grains.Architectures;

/// <summary>What an architecture grain persists: the expensive part (proxy scores) and what experiments recorded.</summary>
[GenerateSerializer, Alias("RdNas.ArchitectureState")]
public sealed class ArchitectureState
{
    /// <summary>Proxy scores computed so far, by proxy name.</summary>
    [Id(0)]
    public Dictionary<string, double> ProxyScores { get; init; } = [];

    /// <summary>Supernet accuracies recorded by experiments, one per experiment.</summary>
    [Id(1)]
    public List<SupernetScore> SupernetScores { get; init; } = [];
}
