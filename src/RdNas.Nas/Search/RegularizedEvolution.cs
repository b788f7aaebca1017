using RdNas.Nas.Randomness;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Search;

/// <summary>
/// Regularized (aging) evolution, REA (Real et al., 2019), the strongest simple baseline of the NAS-Bench-201 paper:
/// a population of random cells; each cycle a tournament of distinct members picks the best-scored as parent, its
/// child changes one edge's operation to another, joins the population, and the oldest member leaves. Defaults are
/// NATS-Bench's REA settings (population 10, tournament 3). Cells proposed again keep their first score and do not
/// count against the budget; a search stops after <see cref="MaxCyclesPerCell"/> cycles per budgeted cell even if
/// mutations keep finding known cells (near the end of an exhaustive budget).
/// </summary>
public sealed class RegularizedEvolution : IArchitectureSearch
{
    /// <summary>Cycles allowed per cell of the budget.</summary>
    public const int MaxCyclesPerCell = 50;

    private readonly Nb201SearchSpace _space;

    /// <summary>An evolution over <paramref name="space"/> scoring <paramref name="budget"/> distinct cells.</summary>
    public RegularizedEvolution(Nb201SearchSpace space, int budget, long seed, int populationSize = 10, int tournamentSize = 3)
    {
        _space = space ?? throw new ArgumentNullException(nameof(space));
        SearchBudget.Check(space, budget);
        if (populationSize < 1 || populationSize > budget)
        {
            throw new ArgumentOutOfRangeException(nameof(populationSize), populationSize, $"the population must hold between 1 and the budget's {budget} cells");
        }

        if (tournamentSize < 1 || tournamentSize > populationSize)
        {
            throw new ArgumentOutOfRangeException(nameof(tournamentSize), tournamentSize, $"a tournament draws between 1 and the population's {populationSize} members");
        }

        Budget = budget;
        Seed = seed;
        PopulationSize = populationSize;
        TournamentSize = tournamentSize;
    }

    /// <inheritdoc />
    public string Name => "evolution";

    /// <inheritdoc />
    public int Budget { get; }

    /// <inheritdoc />
    public long Seed { get; }

    /// <summary>Members alive at a time.</summary>
    public int PopulationSize { get; }

    /// <summary>Members drawn to choose each parent.</summary>
    public int TournamentSize { get; }

    /// <inheritdoc />
    public SearchTrace Run(ArchitectureScore score, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(score);
        var generator = new SeededGenerator(Seed, RandomStreams.Search);
        var cells = new ScoredCells(score, progress, cancellationToken);
        var population = new Queue<SearchEvaluation>(_space.SampleDistinct(PopulationSize, generator).Select(cells.Evaluate));
        var cycles = 0;
        while (cells.Count < Budget && cycles < MaxCyclesPerCell * Budget)
        {
            var parent = Tournament(population.ToArray(), generator);
            population.Enqueue(cells.Evaluate(Mutate(parent.Genotype, generator)));
            population.Dequeue();
            cycles++;
        }

        return new SearchTrace(Name, cells.InOrder, cycles);
    }

    /// <summary>The best of <see cref="TournamentSize"/> distinct members drawn uniformly (the first drawn on ties).</summary>
    private SearchEvaluation Tournament(SearchEvaluation[] members, SeededGenerator generator)
    {
        generator.Shuffle<SearchEvaluation>(members);
        var best = members[0];
        foreach (var member in members.AsSpan(1, TournamentSize - 1))
        {
            if (member.Beats(best))
            {
                best = member;
            }
        }

        return best;
    }

    /// <summary>The cell with one uniformly chosen edge changed to a uniformly chosen different operation.</summary>
    private Nb201Genotype Mutate(Nb201Genotype parent, SeededGenerator generator)
    {
        var ops = parent.Ops();
        var edge = generator.NextInt(ops.Length);
        var others = _space.Ops.Where(op => op != ops[edge]).ToArray();
        ops[edge] = others[generator.NextInt(others.Length)];
        return Nb201Genotype.FromOps(ops);
    }
}
