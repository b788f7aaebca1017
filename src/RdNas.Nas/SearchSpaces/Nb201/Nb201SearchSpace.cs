using RdNas.Nas.Randomness;

namespace RdNas.Nas.SearchSpaces.Nb201;

/// <summary>
/// The NAS-Bench-201 cell space: all 5 operations (15,625 cells) or the 4 without <c>none</c> (4,096 cells), which
/// is the space the RD-NAS reference code trains and evaluates.
/// </summary>
public sealed class Nb201SearchSpace
{
    /// <summary>Creates the space with 4 or 5 candidate operations per edge.</summary>
    public Nb201SearchSpace(int opCount = 4)
    {
        if (opCount is not (4 or 5))
        {
            throw new ArgumentOutOfRangeException(nameof(opCount), opCount, "the NB201 space has 5 operations, or 4 without 'none'");
        }

        Ops = opCount == 5 ? Nb201Ops.All : Nb201Ops.WithoutNone;
    }

    /// <summary>The candidate operations on every edge.</summary>
    public IReadOnlyList<Nb201Op> Ops { get; }

    /// <summary>Number of distinct cells: |ops|^6.</summary>
    public int Size => (int)Math.Pow(Ops.Count, Nb201Edges.Count);

    /// <summary>Whether every edge of <paramref name="genotype"/> uses an operation of this space.</summary>
    public bool Contains(Nb201Genotype genotype) => genotype.Ops().All(Ops.Contains);

    /// <summary>Every cell of the space, in mixed-radix order of the edges (edge 0 fastest).</summary>
    public IEnumerable<Nb201Genotype> Enumerate()
    {
        var ops = new Nb201Op[Nb201Edges.Count];
        for (var index = 0; index < Size; index++)
        {
            var rest = index;
            for (var e = 0; e < ops.Length; e++)
            {
                ops[e] = Ops[rest % Ops.Count];
                rest /= Ops.Count;
            }

            yield return Nb201Genotype.FromOps(ops);
        }
    }

    /// <summary>A uniformly random cell: each edge's operation drawn independently.</summary>
    public Nb201Genotype Sample(SeededGenerator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        Span<Nb201Op> ops = stackalloc Nb201Op[Nb201Edges.Count];
        for (var e = 0; e < ops.Length; e++)
        {
            ops[e] = Ops[generator.NextInt(Ops.Count)];
        }

        return Nb201Genotype.FromOps(ops);
    }

    /// <summary>
    /// <paramref name="count"/> distinct cells drawn uniformly without replacement, in draw order: the subnet sample
    /// of a ranking evaluation.
    /// </summary>
    public IReadOnlyList<Nb201Genotype> SampleDistinct(int count, SeededGenerator generator)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Size);
        var seen = new HashSet<Nb201Genotype>();
        var sample = new List<Nb201Genotype>(count);
        while (sample.Count < count)
        {
            var genotype = Sample(generator);
            if (seen.Add(genotype))
            {
                sample.Add(genotype);
            }
        }

        return sample;
    }

    /// <summary>Parses an arch string and checks that it belongs to this space.</summary>
    public Nb201Genotype Parse(string arch)
    {
        var genotype = Nb201Genotype.Parse(arch);
        if (!Contains(genotype))
        {
            throw new ArchitectureFormatException(arch, arch.IndexOf("none", StringComparison.Ordinal), $"'none' is not an operation of the {Ops.Count}-op space");
        }

        return genotype;
    }
}
