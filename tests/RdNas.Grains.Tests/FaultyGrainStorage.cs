using System.Collections.Concurrent;
using Orleans.Storage;

namespace RdNas.Grains.Tests;

/// <summary>
/// The test clusters' grain storage: an in-memory store that can be told to fail the next writes of one state (as an
/// unreachable storage account would), so grains can be checked to lose nothing a client was told.
/// </summary>
internal sealed class FaultyGrainStorage(IGrainStorage inner) : IGrainStorage
{
    private readonly ConcurrentDictionary<string, int> _failingWrites = new();
    private int _injected;

    /// <summary>Writes failed so far on request.</summary>
    public int InjectedFaults => Volatile.Read(ref _injected);

    /// <summary>Fails the next <paramref name="count"/> writes of the state named <paramref name="stateName"/>.</summary>
    public void FailNextWrites(string stateName, int count) => _failingWrites[stateName] = count;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var failed = false;
        _failingWrites.AddOrUpdate(stateName, 0, (_, left) =>
        {
            failed = left > 0;
            return Math.Max(0, left - 1);
        });
        if (failed)
        {
            Interlocked.Increment(ref _injected);
        }

        return failed
            ? Task.FromException(new Azure.RequestFailedException(503, $"storage fault injected into a write of '{stateName}' ({grainId})"))
            : inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
}
