using RdNas.Nas.Data;
using RdNas.Nas.Proxies;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Cli.Output;

/// <summary>Scores architectures on worker threads of their own behind a progress bar with the time left.</summary>
internal static class ProxyProgressView
{
    public static Task<ProxyTable> ScoreAsync(CliConsole console, ProxyScorer scorer, IReadOnlyList<ProxyColumn> columns, IReadOnlyList<Nb201Genotype> cells, int workers, KeyedScoreJournal? journal, CancellationToken cancellationToken) =>
        RunAsync(console, $"{cells.Count} cells", cells.Count, workers, journal, done => ProxyTable.Score(scorer, columns, cells, workers, done, journal, cancellationToken), cancellationToken);

    /// <summary>Runs <paramref name="score"/>, which calls its argument once per architecture done, on a thread of its own.</summary>
    public static Task<T> RunAsync<T>(CliConsole console, string what, int count, int workers, KeyedScoreJournal? journal, Func<Action, T> score, CancellationToken cancellationToken) =>
        ProgressBars.Create(console)
            .StartAsync(context =>
            {
                var resumed = journal?.Count ?? 0;
                var task = context.AddTask(resumed > 0 ? $"scoring {what} on {workers} workers ({resumed} from {journal!.Path})" : $"scoring {what} on {workers} workers", maxValue: count);
                return ProgressBars.OnOwnThread(() => score(() => task.Increment(1)), cancellationToken);
            });
}
