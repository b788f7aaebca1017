using RdNas.Abstractions.Architectures;
using RdNas.Nas.Proxies;
using RdNas.Nas.Runs;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Teachers;

namespace RdNas.Grains.Training;

/// <summary>
/// A teacher gathered from architecture grains: every member proxy's score of every cell, asked of the cells' grains
/// (which compute a score once, cluster-wide, and persist it), then combined into the teacher's column.
/// </summary>
public sealed class ArchitectureTeacher(IGrainFactory grains, int concurrency, Action<int, int>? cellDone = null)
{
    /// <summary>The teacher <paramref name="column"/> over <paramref name="space"/>; blocks (call it on the training thread).</summary>
    public TeacherScores Gather(ProxyColumn column, Nb201SearchSpace space, CancellationToken cancellationToken) =>
        GatherAsync(column, space, cancellationToken).GetAwaiter().GetResult();

    private async Task<TeacherScores> GatherAsync(ProxyColumn column, Nb201SearchSpace space, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(column);
        ArgumentNullException.ThrowIfNull(space);
        var cells = space.Enumerate().ToList();
        var byProxy = new Dictionary<string, double[]>();
        var total = cells.Count * column.Members.Count;
        var done = 0;
        using var gate = new SemaphoreSlim(concurrency);
        foreach (var proxy in column.Members)
        {
            var scores = new double[cells.Count];
            await Task.WhenAll(cells.Select(async (cell, i) =>
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var grain = grains.GetGrain<IArchitectureGrain>(ArchitectureKey.Of(Nb201TrainingRun.Space, cell.ToString()));
                    scores[i] = await grain.GetProxyScoreAsync(proxy.Name).ConfigureAwait(false);
                    cellDone?.Invoke(Interlocked.Increment(ref done), total);
                }
                finally
                {
                    gate.Release();
                }
            })).ConfigureAwait(false);
            byProxy[proxy.Name] = scores;
        }

        var values = column.Values(byProxy);
        return TeacherScores.FromScores(column.Name, cells.Select((c, i) => (c, values[i])).ToDictionary(x => x.c, x => x.Item2));
    }
}
