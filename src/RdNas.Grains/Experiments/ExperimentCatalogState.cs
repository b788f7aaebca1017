using RdNas.Abstractions.Experiments;

namespace RdNas.Grains.Experiments;

/// <summary>The persisted experiment list.</summary>
[GenerateSerializer, Alias("RdNas.ExperimentCatalogState")]
public sealed class ExperimentCatalogState
{
    /// <summary>Every experiment, in submission order.</summary>
    [Id(0)]
    public List<ExperimentSummary> Experiments { get; init; } = [];
}
