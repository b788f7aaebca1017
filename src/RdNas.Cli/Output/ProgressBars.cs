using Spectre.Console;

namespace RdNas.Cli.Output;

/// <summary>The progress display every long command shows: what runs, a bar, percentage, time spent and time left.</summary>
internal static class ProgressBars
{
    /// <summary>A display that stays on screen when its work ends, so the final state remains in the terminal.</summary>
    public static Progress Create(CliConsole console) =>
        console.Ansi.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn());

    /// <summary>Runs long native work on a thread of its own, never the caller's (nor a thread-pool thread it would hold for minutes).</summary>
    public static Task<T> OnOwnThread<T>(Func<T> work, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
