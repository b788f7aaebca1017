using System.Globalization;
using System.Threading.Channels;
using RdNas.Abstractions.Experiments;
using Spectre.Console;

namespace RdNas.Cli.Output;

/// <summary>
/// Follows several experiments at once (<c>rdnas train --seeds</c> on a cluster): one progress bar each, through
/// training, evaluation and search, its description saying the stage or why it waits; for scripts, each one's JSON
/// progress lines tagged with its label.
/// </summary>
internal static class ExperimentsProgressView
{
    /// <summary>Follows every stream to its end and returns each one's last status, in the order given.</summary>
    public static async Task<IReadOnlyList<ExperimentStatus>> FollowAsync(
        CliConsole console, IReadOnlyList<(string Label, IAsyncEnumerable<ExperimentStatus> Statuses)> experiments, bool showProgress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(experiments);
        var last = new ExperimentStatus?[experiments.Count];
        if (!showProgress)
        {
            var writers = experiments.Select(e => new ProgressLineWriter(console, e.Label, ExperimentProgressView.MessageInterval)).ToList();
            await foreach (var (index, status) in MergeAsync(experiments, cancellationToken).ConfigureAwait(false))
            {
                writers[index].Write(status);
                last[index] = status;
            }
        }
        else
        {
            await ProgressBars.Create(console).StartAsync(async context =>
            {
                var bars = new ProgressTask?[experiments.Count];
                await foreach (var (index, status) in MergeAsync(experiments, cancellationToken).ConfigureAwait(false))
                {
                    var bar = bars[index] ??= context.AddTask(Markup.Escape(experiments[index].Label), maxValue: Math.Max(1, status.Epochs + status.Subnets + status.SearchBudget));
                    Show(experiments[index].Label, status, bar);
                    last[index] = status;
                }
            }).ConfigureAwait(false);
        }

        return [.. last.Select((status, i) => status ?? throw new InvalidOperationException($"experiment {experiments[i].Label} reported no status"))];
    }

    // Every stream into one, read on the caller's flow, so the display (or standard error) has one writer.
    private static async IAsyncEnumerable<(int Index, ExperimentStatus Status)> MergeAsync(
        IReadOnlyList<(string Label, IAsyncEnumerable<ExperimentStatus> Statuses)> experiments, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var merged = Channel.CreateUnbounded<(int, ExperimentStatus)>();
        var readers = experiments.Select(async (experiment, index) =>
        {
            await foreach (var status in experiment.Statuses.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await merged.Writer.WriteAsync((index, status), cancellationToken).ConfigureAwait(false);
            }
        }).ToList();
        var all = Task.WhenAll(readers);
        _ = all.ContinueWith(t => merged.Writer.TryComplete(t.Exception?.InnerException), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        await foreach (var item in merged.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }

        await all.ConfigureAwait(false);
    }

    private static void Show(string label, ExperimentStatus status, ProgressTask bar)
    {
        var worker = status.Device is { } device ? $" on {device}" : string.Empty;
        var (value, stage) = status.Phase switch
        {
            ExperimentPhase.Training when status.StepsPerEpoch > 0 => (ExperimentProgressView.EpochsDone(status), ExperimentProgressView.EpochInProgress(status) + worker),
            ExperimentPhase.Evaluating => (status.Epochs + status.EvaluatedSubnets, Invariant($"evaluate subnet {status.EvaluatedSubnets}/{status.Subnets}{worker}")),
            ExperimentPhase.Searching => (status.Epochs + status.Subnets + status.SearchedCells, Invariant($"search: cell {status.SearchedCells}/{status.SearchBudget} scored{worker}")),
            ExperimentPhase.Completed => (bar.MaxValue, status.Message),
            _ => (status.CompletedEpochs, status.Message + worker),
        };
        bar.Value = value;
        bar.Description = Markup.Escape($"{label}: {stage}");
        if (status.IsFinal)
        {
            bar.StopTask();
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
