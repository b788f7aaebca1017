using System.Diagnostics;
using Microsoft.Extensions.Options;
using RdNas.Grains.Hosting;
using RdNas.Grains.Telemetry;
using RdNas.Nas.Data;
using RdNas.Nas.Proxies;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.SearchSpaces.ResNet48;
using RdNas.Nas.Supernets.Nb201;

namespace RdNas.Grains.Architectures;

/// <summary>
/// Scores architectures with zero-cost proxies for the architecture grains of this silo, one at a time on a pool
/// thread: proxies run native work for up to seconds, which must never occupy the grain scheduler. NB201 cells are
/// scored exactly as a cached teacher is (benchmark network, seed 0, the fixed train-half batch); ResNet48
/// architectures on their own networks at <see cref="RdNasPlatformOptions.ResNet48ProxySide"/>.
/// </summary>
public sealed class ProxyScoringService(IOptions<RdNasPlatformOptions> options, RdNasMetrics metrics) : IDisposable
{
    /// <summary>The seed of every proxy network's initialisation (and of NB201's proxy batch).</summary>
    public const long Seed = 0;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lazy<ProxyBatch> _batch = new(() => ProxyBatch.FromTrainHalf(Cifar10BinaryReader.ReadTrain(DataDirectory.Resolve(options.Value.DataDirectory)), Seed));
    private int _computations;

    /// <summary>How many scores this silo has computed (each first request of a cell and proxy computes one).</summary>
    public int Computations => Volatile.Read(ref _computations);

    /// <summary>The input side of ResNet48's network-based proxies.</summary>
    public int ResNet48Side => options.Value.ResNet48ProxySide;

    /// <summary>The score of <paramref name="genotype"/> by <paramref name="proxy"/>.</summary>
    public Task<double> ScoreAsync(IZeroCostProxy proxy, Nb201Genotype genotype)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        return ComputeAsync(proxy.Name, () => new ProxyScorer(Nb201SupernetOptions.Benchmark, Seed, proxy.NeedsData ? _batch.Value : null).Score(proxy, genotype));
    }

    /// <summary>The score of the ResNet48 architecture <paramref name="genotype"/> by <paramref name="proxy"/> (a name <see cref="ResNet48ProxyScorer"/> accepts).</summary>
    public Task<double> ScoreAsync(string proxy, ResNet48Genotype genotype) =>
        ComputeAsync(proxy, () => new ResNet48ProxyScorer([proxy], ResNet48Side, Seed).Score(genotype)[0]);

    private async Task<double> ComputeAsync(string proxy, Func<double> score)
    {
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            Interlocked.Increment(ref _computations);
            var computing = Stopwatch.StartNew();
            var value = await Task.Run(score).ConfigureAwait(false);
            metrics.ProxyComputed(proxy, computing.Elapsed);
            return value;
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
