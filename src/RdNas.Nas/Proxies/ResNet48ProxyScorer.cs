using RdNas.Nas.Networks.ResNet48;
using RdNas.Nas.SearchSpaces.ResNet48;
using static TorchSharp.torch;

namespace RdNas.Nas.Proxies;

/// <summary>
/// Scores ResNet48 architectures with the proxies that need no images: the cost model's FLOPs and parameters, and
/// Synflow and Zen on the architecture's own network (<see cref="ResNet48Network"/>) at a chosen input side. The
/// space's images are ImageNet's, which the data folder does not hold, so the data-dependent proxies are refused.
/// Each network is built from the scorer's seed, scored and disposed: a score does not depend on what was scored
/// before it or on which thread.
/// </summary>
public sealed class ResNet48ProxyScorer
{
    /// <summary>The competition's input side.</summary>
    public const int CompetitionSide = 224;

    private static readonly Dictionary<string, ProxyEntry> s_proxies = new(StringComparer.Ordinal)
    {
        ["flops"] = new(BuildsNetwork: false, (_, genotype) => ResNet48CostModel.Mflops(genotype)),
        ["params"] = new(BuildsNetwork: false, (_, genotype) => ResNet48CostModel.ParamsMillions(genotype)),
        ["synflow"] = new(BuildsNetwork: true, (scorer, genotype) => scorer.Synflow(genotype)),
        ["zen"] = new(BuildsNetwork: true, (scorer, genotype) => scorer.Zen(genotype)),
    };

    /// <summary>A scorer of <paramref name="proxies"/> on <paramref name="side"/> × <paramref name="side"/> inputs, networks initialised from <paramref name="seed"/>.</summary>
    public ResNet48ProxyScorer(IReadOnlyList<string> proxies, int side, long seed)
    {
        ArgumentNullException.ThrowIfNull(proxies);
        if (proxies.Count == 0)
        {
            throw new ArgumentException("name at least one proxy", nameof(proxies));
        }

        if (side < 32 || side % 32 != 0)
        {
            throw new ArgumentException($"the input side must be a positive multiple of 32 (the network downsamples by 32; the competition's is {CompetitionSide}), got {side}", nameof(side));
        }

        Proxies = [.. proxies.Select(CheckName)];
        var repeated = Proxies.GroupBy(p => p).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"proxy '{repeated.Key}' is listed twice", nameof(proxies));
        }

        Side = side;
        Seed = seed;
    }

    /// <summary>The proxies this space can score.</summary>
    public static IReadOnlyCollection<string> Names => s_proxies.Keys;

    /// <summary>The proxies scored, in column order.</summary>
    public IReadOnlyList<string> Proxies { get; }

    /// <summary>Whether any proxy builds networks (the cost model's need none, and no input side).</summary>
    public bool BuildsNetworks => Proxies.Any(p => s_proxies[p].BuildsNetwork);

    /// <summary>The input side of the network-based proxies.</summary>
    public int Side { get; }

    /// <summary>The seed of every network's initialisation and of Zen's random inputs.</summary>
    public long Seed { get; }

    /// <summary>What a score depends on, for a journal's first line.</summary>
    public string Signature => FormattableString.Invariant($"# rdnas proxy journal v1; space=resnet48; proxies={string.Join('+', Proxies)}; seed={Seed}; side={Side}");

    /// <summary>The scores of <paramref name="genotype"/>, one per proxy in <see cref="Proxies"/> order.</summary>
    public double[] Score(ResNet48Genotype genotype)
    {
        ArgumentNullException.ThrowIfNull(genotype);
        var scores = new double[Proxies.Count];
        for (var i = 0; i < Proxies.Count; i++)
        {
            using var scope = NewDisposeScope();
            var score = s_proxies[Proxies[i]].Score(this, genotype);
            scores[i] = double.IsFinite(score) ? score : throw new ProxyScoreException(Proxies[i], genotype.Code, score);
        }

        return scores;
    }

    /// <summary>
    /// The name <paramref name="name"/> is scored under (trimmed); an error saying why when this space cannot score it
    /// (a data-dependent proxy, or no proxy of that name).
    /// </summary>
    public static string CheckName(string name)
    {
        var trimmed = (name ?? throw new ArgumentException("a proxy name is null")).Trim();
        if (s_proxies.ContainsKey(trimmed))
        {
            return trimmed;
        }

        var known = ProxyRegistry.Names.Contains(trimmed) && ProxyRegistry.Get(trimmed).NeedsData
            ? $"proxy '{trimmed}' needs real images, and resnet48's are ImageNet's, which the data folder does not hold"
            : $"unknown proxy '{trimmed}' for resnet48";
        throw new ArgumentException($"{known} (expected one of {string.Join(", ", s_proxies.Keys)})", nameof(name));
    }

    private double Synflow(ResNet48Genotype genotype)
    {
        using var network = ResNet48Network.Create(genotype, Seed, ScalarType.Float64, batchNorm: false);
        return SynflowProxy.ScoreNetwork(network, network.forward, Side);
    }

    private double Zen(ResNet48Genotype genotype)
    {
        using var network = ResNet48Network.Create(genotype, Seed);
        return ZenProxy.ScoreNetwork(network, network.Features, Side, Seed);
    }

    // A proxy of this space: whether it builds the architecture's network (and so depends on the input side), and how it scores.
    private sealed record ProxyEntry(bool BuildsNetwork, Func<ResNet48ProxyScorer, ResNet48Genotype, double> Score);
}
