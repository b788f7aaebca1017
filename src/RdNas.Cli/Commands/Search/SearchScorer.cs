using RdNas.Cli.Commands.Proxies;
using RdNas.Nas.Data;
using RdNas.Nas.Proxies;
using RdNas.Nas.Runs;
using RdNas.Nas.Search;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Cli.Commands.Search;

/// <summary>
/// What <c>rdnas search</c> maximises: a finished run's supernet (<c>--run</c>), scored as that run's evaluation scored
/// its sample, or one zero-cost proxy (<c>--proxy</c>) on the benchmark network.
/// </summary>
internal sealed class SearchScorer : IDisposable
{
    private readonly IDisposable _owned;

    private SearchScorer(Nb201SearchSpace space, string description, ArchitectureScore score, IDisposable owned)
    {
        Space = space;
        Description = description;
        Score = score;
        _owned = owned;
    }

    public Nb201SearchSpace Space { get; }

    /// <summary>One line naming everything a score depends on (the score journal's key).</summary>
    public string Description { get; }

    public ArchitectureScore Score { get; }

    public static SearchScorer ForRun(string runDirectory, DataDirectory data, TorchSharp.torch.Device device)
    {
        var supernet = TrainedSupernet.Open(runDirectory, data, device: device);
        return new SearchScorer(supernet.Space, supernet.Description, supernet.Accuracy, supernet);
    }

    /// <summary>
    /// The space a search with <paramref name="runDirectory"/>'s supernet or with <paramref name="proxyName"/> covers,
    /// found without reading data: a folder that holds no finished run, an unknown proxy or an ensemble is refused here.
    /// </summary>
    public static Nb201SearchSpace SpaceOf(string? runDirectory, string? proxyName, int opCount)
    {
        if (runDirectory is not null)
        {
            return TrainedSupernet.SpaceOf(runDirectory);
        }

        _ = SearchableProxy(proxyName ?? throw new ArgumentNullException(nameof(proxyName)));
        return new Nb201SearchSpace(opCount);
    }

    public static SearchScorer ForProxy(string proxyName, int opCount, string? dataFolder, long proxySeed)
    {
        var column = SearchableProxy(proxyName);
        var space = new Nb201SearchSpace(opCount);
        var setup = new ScorerSetup([column], dataFolder, proxySeed);
        var proxy = column.Members[0];
        return new SearchScorer(space, $"proxy {column.Name} (benchmark network, seed {proxySeed})", (genotype, _) => setup.Scorer.Score(proxy, genotype), setup);
    }

    public void Dispose() => _owned.Dispose();

    private static ProxyColumn SearchableProxy(string proxyName)
    {
        var column = ProxyColumn.Parse(proxyName);
        return column.IsEnsemble
            ? throw new ArgumentException($"'{proxyName}' is an ensemble, which ranks cells within a fixed sample; a search scores one cell at a time, so give one proxy")
            : column;
    }
}
