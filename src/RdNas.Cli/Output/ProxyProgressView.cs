using RdNas.Nas.Proxies;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Cli.Output;

/// <summary>Scores cells on worker threads of their own behind a progress bar with the time left.</summary>
internal static class ProxyProgressView
{
    public static Task<ProxyTable> ScoreAsync(CliConsole console, ProxyScorer scorer, IReadOnlyList<ProxyColumn> columns, IReadOnlyList<Nb201Genotype> cells, int workers, ProxyScoreJournal? journal, CancellationToken cancellationToken) =>
        ProgressBars.Create(console)
            .StartAsync(context =>
            {
                var resumed = journal?.Count ?? 0;
                var task = context.AddTask(resumed > 0 ? $"scoring {cells.Count} cells on {workers} workers ({resumed} from {journal!.Path})" : $"scoring {cells.Count} cells on {workers} workers", maxValue: cells.Count);
                return Task.Factory.StartNew(
                    () => ProxyTable.Score(scorer, columns, cells, workers, () => task.Increment(1), journal, cancellationToken),
                    cancellationToken,
                    TaskCreationOptions.LongRunning,
                    TaskScheduler.Default);
            });
}
