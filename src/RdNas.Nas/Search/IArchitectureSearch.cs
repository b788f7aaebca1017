namespace RdNas.Nas.Search;

/// <summary>A search strategy over the NB201 cells: proposes cells, scores each once, and returns what it scored.</summary>
public interface IArchitectureSearch
{
    /// <summary>The name result files give the strategy.</summary>
    string Name { get; }

    /// <summary>Distinct cells scored.</summary>
    int Budget { get; }

    /// <summary>Seed of every draw.</summary>
    long Seed { get; }

    /// <summary>
    /// Searches until the budget of distinct scored cells is spent. <paramref name="progress"/> receives the number of
    /// cells scored so far after each one.
    /// </summary>
    SearchTrace Run(ArchitectureScore score, IProgress<int>? progress = null, CancellationToken cancellationToken = default);
}
