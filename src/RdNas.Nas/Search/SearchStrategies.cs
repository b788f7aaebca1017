using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Search;

/// <summary>The search strategies by the names the CLI and experiment specs give them.</summary>
public static class SearchStrategies
{
    /// <summary>Regularized evolution (REA).</summary>
    public const string Evolution = "evolution";

    /// <summary>Random search.</summary>
    public const string Random = "random";

    /// <summary>
    /// Strategy <paramref name="name"/> over <paramref name="space"/>; the population and tournament apply to evolution.
    /// An unknown name or an impossible setting raises an error naming it.
    /// </summary>
    public static IArchitectureSearch Create(string name, Nb201SearchSpace space, int budget, long seed, int populationSize = 10, int tournamentSize = 3)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() switch
        {
            Evolution => new RegularizedEvolution(space, budget, seed, populationSize, tournamentSize),
            Random => new RandomSearch(space, budget, seed),
            _ => throw new ArgumentException($"unknown search strategy '{name}' (expected {Evolution} or {Random})", nameof(name)),
        };
    }
}
