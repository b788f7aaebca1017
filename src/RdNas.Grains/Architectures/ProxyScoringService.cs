using System.Diagnostics;
using Microsoft.Extensions.Options;
using RdNas.Grains.Hosting;
using RdNas.Grains.Telemetry;
using RdNas.Nas.Data;
using RdNas.Nas.Proxies;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;

namespace RdNas.Grains.Architectures;

/// <summary>
/// Scores cells with zero-cost proxies for the architecture grains of this silo, exactly as a cached teacher is scored
/// (benchmark network, seed 0, the fixed train-half batch), one cell at a time on a pool thread: proxies run native
/// work for up to a second, which must never occupy the grain scheduler.
/// </summary>
public sealed class ProxyScoringService(IOptions<RdNasPlatformOptions> options, RdNasMetrics metrics) : IDisposable
{
    private const long Seed = 0;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lazy<ProxyBatch> _batch = new(() => ProxyBatch.FromTrainHalf(Cifar10BinaryReader.ReadTrain(DataDirectory.Resolve(options.Value.DataDirectory)), Seed));
    private int _computations;

    /// <summary>How many scores this silo has computed (each first request of a cell and proxy computes one).</summary>
    public int Computations => Volatile.Read(ref _computations);

    /// <summary>The score of <paramref name="genotype"/> by <paramref name="proxy"/>.</summary>
    public async Task<double> ScoreAsync(IZeroCostProxy proxy, Nb201Genotype genotype)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            Interlocked.Increment(ref _computations);
            var computing = Stopwatch.StartNew();
            var score = await Task.Run(() => new ProxyScorer(Nb201SupernetOptions.Benchmark, Seed, proxy.NeedsData ? _batch.Value : null).Score(proxy, genotype)).ConfigureAwait(false);
            metrics.ProxyComputed(proxy.Name, computing.Elapsed);
            return score;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _gate.Dispose();
        if (_batch.IsValueCreated)
        {
            _batch.Value.Dispose();
        }
    }
}
