using RdNas.Nas.Randomness;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Sampling;

/// <summary>
/// RD-NAS's pair samplers: draw a uniformly, then redraw b uniformly until distance(a, b) ≥ the threshold, so the pairs
/// the ranking loss sees differ enough for the teacher's order to mean something. <see cref="Margin"/> uses the group
/// distance (μ = 6.7 by default), <see cref="Hamming"/> the number of differing edges (≥ 4.5, the ablation), and
/// <see cref="Random"/> takes any pair (threshold 0).
/// </summary>
public sealed class DistancePairSampler : IPairSampler
{
    /// <summary>The paper's group-distance threshold μ.</summary>
    public const double DefaultMargin = 6.7;

    /// <summary>The Hamming threshold of the paper's ablation.</summary>
    public const double DefaultHamming = 4.5;

    private readonly Nb201SearchSpace _space;
    private readonly Func<Nb201Genotype, Nb201Genotype, double> _distance;

    private DistancePairSampler(string name, Nb201SearchSpace space, Func<Nb201Genotype, Nb201Genotype, double> distance, double threshold, double maximum)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (!(threshold >= 0 && threshold <= maximum))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"the {name} sampler's threshold must be from 0 to {maximum}, the largest distance two cells can have");
        }

        Name = name;
        _space = space;
        _distance = distance;
        Threshold = threshold;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public double Threshold { get; }

    /// <summary>Pairs at least <paramref name="mu"/> apart in group distance.</summary>
    public static DistancePairSampler Margin(Nb201SearchSpace space, double mu = DefaultMargin) =>
        new("margin", space, GroupDistance.Between, mu, GroupDistance.Maximum);

    /// <summary>Pairs differing on at least <paramref name="edges"/> edges.</summary>
    public static DistancePairSampler Hamming(Nb201SearchSpace space, double edges = DefaultHamming) =>
        new("hamming", space, HammingDistance.Between, edges, HammingDistance.Maximum);

    /// <summary>Uniform pairs.</summary>
    public static DistancePairSampler Random(Nb201SearchSpace space) =>
        new("random", space, (_, _) => 0, 0, 0);

    /// <inheritdoc />
    public (Nb201Genotype First, Nb201Genotype Second) NextPair(SeededGenerator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var first = _space.Sample(generator);
        Nb201Genotype second;
        do
        {
            second = _space.Sample(generator);
        }
        while (_distance(first, second) < Threshold);

        return (first, second);
    }
}
