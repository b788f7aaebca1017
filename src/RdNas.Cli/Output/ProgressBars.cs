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
}
