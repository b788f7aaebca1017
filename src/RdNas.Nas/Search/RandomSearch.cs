using RdNas.Nas.Randomness;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Search;

/// <summary>
/// Random search: <see cref="Budget"/> distinct cells drawn uniformly, the best-scored one returned. The baseline every
/// search strategy must beat (Li and Talwalkar, 2019).
/// </summary>
public sealed class RandomSearch : IArchitectureSearch
{
    private readonly Nb201SearchSpace _space;

    /// <summary>A search of <paramref name="budget"/> cells of <paramref name="space"/>, drawn from <paramref name="seed"/>.</summary>
    public RandomSearch(Nb201SearchSpace space, int budget, long seed)
    {
        _space = space ?? throw new ArgumentNullException(nameof(space));
        SearchBudget.Check(space, budget);
        Budget = budget;
        Seed = seed;
    }

    /// <inheritdoc />
    public string Name => "random";

    /// <inheritdoc />
    public int Budget { get; }

    /// <inheritdoc />
    public long Seed { get; }

    /// <inheritdoc />
    public SearchTrace Run(ArchitectureScore score, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(score);
        var cells = new ScoredCells(score, progress, cancellationToken);
        foreach (var genotype in _space.SampleDistinct(Budget, new SeededGenerator(Seed, RandomStreams.Search)))
        {
            cells.Evaluate(genotype);
        }

        return new SearchTrace(Name, cells.InOrder, Cycles: 0);
    }
}
