using RdNas.Nas.Search;
using Spectre.Console;

namespace RdNas.Cli.Output;

/// <summary>
/// Runs a search on a thread of its own (never the caller's) behind a progress bar of cells scored, with the time left;
/// without the bar when the output is JSON for a script.
/// </summary>
internal static class SearchProgressView
{
    /// <summary>Runs <paramref name="search"/>, which reports cells scored to the progress it is given.</summary>
    public static Task<T> RunAsync<T>(CliConsole console, IArchitectureSearch strategy, int recovered, Func<IProgress<int>?, T> search, bool showProgress, CancellationToken cancellationToken) =>
        showProgress
            ? ProgressBars.Create(console).StartAsync(context =>
            {
                var label = $"{strategy.Name} search: scoring {strategy.Budget} cells{(recovered > 0 ? $" ({recovered} scores from the journal)" : "")}";
                var task = context.AddTask(label, maxValue: strategy.Budget);
                return ProgressBars.OnOwnThread(() => search(new TaskProgress(task)), cancellationToken);
            })
            : ProgressBars.OnOwnThread(() => search(null), cancellationToken);

    // Reports straight from the search's thread (Progress<T> would post to the thread pool and could reorder them).
    private sealed class TaskProgress(ProgressTask task) : IProgress<int>
    {
        public void Report(int value) => task.Value = value;
    }
}
