using RdNas.Nas.Proxies;
using RdNas.Nas.SearchSpaces.Nb201;
using Spectre.Console;

namespace RdNas.Cli.Output;

/// <summary>Scores cells on a thread of their own behind a progress bar with the time left.</summary>
internal static class ProxyProgressView
{
    public static Task<double[][]> ScoreAsync(CliConsole console, ProxyScorer scorer, IReadOnlyList<IZeroCostProxy> proxies, IReadOnlyList<Nb201Genotype> cells, CancellationToken cancellationToken) =>
        console.Ansi.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(context =>
            {
                var task = context.AddTask($"scoring {cells.Count} cells", maxValue: cells.Count);
                return Task.Factory.StartNew(
                    () =>
                    {
                        var scores = new double[cells.Count][];
                        for (var i = 0; i < cells.Count; i++)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            scores[i] = [.. proxies.Select(p => scorer.Score(p, cells[i]))];
                            task.Increment(1);
                        }

                        return scores;
                    },
                    cancellationToken,
                    TaskCreationOptions.LongRunning,
                    TaskScheduler.Default);
            });
}
