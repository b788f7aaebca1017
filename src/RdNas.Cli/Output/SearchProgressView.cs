using RdNas.Nas.Search;
using Spectre.Console;

namespace RdNas.Cli.Output;

/// <summary>
/// Runs a search on a thread of its own (never the caller's) behind a progress bar of cells scored, with the time left;
/// without the bar when the output is JSON for a script.
/// </summary>
internal static class SearchProgressView
{
    public static Task<SearchTrace> RunAsync(CliConsole console, IArchitectureSearch search, ArchitectureScore score, int budget, int recovered, bool showProgress, CancellationToken cancellationToken) =>
        showProgress
            ? WithProgressBar(console, search, score, budget, recovered, cancellationToken)
            : OnOwnThread(() => search.Run(score, null, cancellationToken), cancellationToken);

    private static Task<SearchTrace> WithProgressBar(CliConsole console, IArchitectureSearch search, ArchitectureScore score, int budget, int recovered, CancellationToken cancellationToken) =>
        ProgressBars.Create(console)
            .StartAsync(context =>
            {
                var task = context.AddTask(recovered > 0 ? $"{search.Name} search: scoring {budget} cells ({recovered} scores from the journal)" : $"{search.Name} search: scoring {budget} cells", maxValue: budget);
                return OnOwnThread(() => search.Run(score, new TaskProgress(task), cancellationToken), cancellationToken);
            });

    private static Task<SearchTrace> OnOwnThread(Func<SearchTrace> search, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(search, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    // Reports straight from the search's thread (Progress<T> would post to the thread pool and could reorder them).
    private sealed class TaskProgress(ProgressTask task) : IProgress<int>
    {
        public void Report(int value) => task.Value = value;
    }
}
