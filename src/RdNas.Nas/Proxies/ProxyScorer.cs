using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;
using static TorchSharp.torch;

namespace RdNas.Nas.Proxies;

/// <summary>
/// Scores architectures with zero-cost proxies: builds each cell's input from a fixed seed (so a score is the same in
/// every run, whatever else is scored around it and on whichever thread), runs each proxy in its own dispose scope,
/// frees the cell's networks, and refuses a score that is not finite. A cell whose output is cut off from its input
/// gets <see cref="LowestScore"/>. Data-dependent proxies score on the one <see cref="ProxyBatch"/> given (the scorer
/// does not own it).
/// </summary>
public sealed class ProxyScorer(Nb201SupernetOptions shape, long seed, ProxyBatch? batch = null)
{
    /// <summary>The score of a disconnected cell: below every real score, for every proxy.</summary>
    public const double LowestScore = double.NegativeInfinity;

    /// <summary>The shape of the networks scored.</summary>
    public Nb201SupernetOptions Shape { get; } = (shape ?? throw new ArgumentNullException(nameof(shape))).Validate();

    /// <summary>The seed of every network's initialisation.</summary>
    public long Seed { get; } = seed;

    /// <summary>The score of <paramref name="genotype"/> by <paramref name="proxy"/>.</summary>
    public double Score(IZeroCostProxy proxy, Nb201Genotype genotype) => Score([proxy], genotype)[0];

    /// <summary>
    /// The scores of <paramref name="genotype"/> by each of <paramref name="proxies"/>, in order. Proxies that share work
    /// (one back-propagated loss, the input Jacobian) share it; every score equals the one scored alone.
    /// </summary>
    public double[] Score(IReadOnlyList<IZeroCostProxy> proxies, Nb201Genotype genotype)
    {
        ArgumentNullException.ThrowIfNull(proxies);
        if (genotype.IsDisconnected)
        {
            return [.. proxies.Select(_ => LowestScore)];
        }

        using var input = new ProxyInput(genotype, Shape, Seed, batch);
        var scores = new double[proxies.Count];
        for (var i = 0; i < proxies.Count; i++)
        {
            var proxy = proxies[i] ?? throw new ArgumentException("a proxy is null", nameof(proxies));
            using var scope = NewDisposeScope();
            var score = proxy.Score(input);
            scores[i] = double.IsFinite(score) ? score : throw new ProxyScoreException(proxy.Name, genotype.ToString(), score);
        }

        return scores;
    }
}
