using RdNas.Nas.Data;
using RdNas.Nas.Proxies;
using RdNas.Nas.Supernets.Nb201;

namespace RdNas.Cli.Commands.Proxies;

/// <summary>
/// The scorer the proxy commands use: the benchmark network, and a real batch only when a proxy needs data (so
/// data-free scoring runs without RDNAS_DATA).
/// </summary>
internal sealed class ScorerSetup : IDisposable
{
    private readonly ProxyBatch? _batch;

    public ScorerSetup(IEnumerable<ProxyColumn> columns, string? dataFolder, long seed)
    {
        if (columns.Any(c => c.NeedsData))
        {
            var images = Cifar10BinaryReader.ReadTrain(DataDirectory.Resolve(dataFolder));
            _batch = ProxyBatch.FromTrainHalf(images, seed);
        }

        Scorer = new ProxyScorer(Nb201SupernetOptions.Benchmark, seed, _batch);
    }

    public ProxyScorer Scorer { get; }

    public void Dispose() => _batch?.Dispose();
}
