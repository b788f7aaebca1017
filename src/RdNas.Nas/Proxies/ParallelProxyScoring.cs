using RdNas.Nas.Data;
using RdNas.Nas.SearchSpaces.Nb201;
using static TorchSharp.torch;

namespace RdNas.Nas.Proxies;

/// <summary>
/// Scores many architectures on several worker threads, each running libtorch on one intra-op thread: proxy networks
/// are small enough that two threads share one poorly, so one architecture per core goes faster. Every worker
/// computes exactly as a lone worker would (one thread, the scorer's seed per architecture), so the scores do not
/// depend on the worker count.
/// While it runs, libtorch's process-wide default is one thread: a thread that first uses libtorch in that window
/// (a training run in the same process, say) keeps one thread, so do not score beside a training run whose results
/// must be bit-for-bit reproducible.
/// </summary>
public static class ParallelProxyScoring
{
    /// <summary>
    /// <c>scores[cell][proxy]</c> for every cell of NB201, in <paramref name="cells"/> order, by <paramref name="scorer"/>.
    /// </summary>
    public static double[][] Score(
        ProxyScorer scorer,
        IReadOnlyList<IZeroCostProxy> proxies,
        IReadOnlyList<Nb201Genotype> cells,
        int workers,
        Action? cellDone = null,
        KeyedScoreJournal? journal = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(proxies);
        return Score(cell => scorer.Score(proxies, cell), cells, workers, cellDone, journal, cancellationToken);
    }

    /// <summary>
    /// <c>score(cells[i])</c> for every architecture, in <paramref name="cells"/> order; <paramref name="cellDone"/> is
    /// called (from any worker) after each. Architectures the <paramref name="journal"/> holds (by their canonical
    /// string) are not scored again, and every new score is journaled. The first error of any worker stops the others
    /// and is rethrown.
    /// </summary>
    public static double[][] Score<TArchitecture>(
        Func<TArchitecture, double[]> score,
        IReadOnlyList<TArchitecture> cells,
        int workers,
        Action? cellDone = null,
        KeyedScoreJournal? journal = null,
        CancellationToken cancellationToken = default)
        where TArchitecture : notnull
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var scores = new double[cells.Count][];
        var next = -1;
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<Exception>();

        void Work()
        {
            // OpenMP's thread count is per OS thread: these threads are our own and end with the scoring, so the
            // setting cannot leak into a pooled thread that later trains.
            set_num_threads(1);
            try
            {
                for (var i = Interlocked.Increment(ref next); i < cells.Count; i = Interlocked.Increment(ref next))
                {
                    failed.Token.ThrowIfCancellationRequested();
                    var key = cells[i].ToString()!;
                    if (journal?.Find(key) is { } known)
                    {
                        scores[i] = known;
                    }
                    else
                    {
                        scores[i] = score(cells[i]);
                        journal?.Record(key, scores[i]);
                    }

                    cellDone?.Invoke(); // journalled cells count as done, so progress ends at the total
                }
            }
            catch (OperationCanceledException) when (failed.IsCancellationRequested)
            {
            }
            catch (Exception e)
            {
                errors.Enqueue(e);
                failed.Cancel();
            }
        }

        var previousThreads = get_num_threads();
        var threads = Enumerable.Range(0, Math.Min(workers, Math.Max(1, cells.Count)))
            .Select(w => new Thread(Work) { IsBackground = true, Name = $"proxy-worker-{w}" })
            .ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        set_num_threads(previousThreads); // libtorch also keeps the count process-wide for threads it has not seen yet
        // The first failure stopped the scoring; a worker that failed at the same moment almost always hit the same
        // cause (a proxy that cannot run on this input), so the caller gets that one error, not a bundle of copies.
        if (errors.TryPeek(out var first))
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }

        cancellationToken.ThrowIfCancellationRequested();
        return scores;
    }
}
