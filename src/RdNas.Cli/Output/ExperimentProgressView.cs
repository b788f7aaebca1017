using System.Globalization;
using RdNas.Abstractions.Experiments;
using Spectre.Console;

namespace RdNas.Cli.Output;

/// <summary>
/// Shows an experiment's status stream as Spectre progress bars: training (epoch, step, loss, accuracy, time left),
/// evaluation (subnets scored) and, when the experiment searches, the search (cells scored); a restart on another silo
/// is shown in the description.
/// </summary>
internal static class ExperimentProgressView
{
    /// <summary>How often a JSON progress line repeats a stage whose message alone changes.</summary>
    public static readonly TimeSpan MessageInterval = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Follows <paramref name="statuses"/> to the end and returns the last status: as progress bars, or (for scripts)
    /// as JSON lines on standard error, one per phase, epoch and tenth of the evaluation or search, and one every
    /// <paramref name="messageInterval"/> (default <see cref="MessageInterval"/>) while only the message moves
    /// (gathering a teacher's scores before training).
    /// </summary>
    public static async Task<ExperimentStatus> FollowAsync(
        CliConsole console, IAsyncEnumerable<ExperimentStatus> statuses, bool showProgress, CancellationToken cancellationToken, TimeSpan? messageInterval = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (!showProgress)
        {
            ExperimentStatus? last = null;
            var lines = new ProgressLineWriter(console, null, messageInterval ?? MessageInterval);
            await foreach (var status in statuses.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                lines.Write(status);
                last = status;
            }

            return last ?? throw new InvalidOperationException("the experiment reported no status");
        }

        return await ProgressBars.Create(console)
            .StartAsync(async context =>
            {
                ProgressTask? training = null;
                ProgressTask? evaluation = null;
                ProgressTask? search = null;
                ExperimentStatus? last = null;
                await foreach (var status in statuses.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    training ??= context.AddTask("train", maxValue: Math.Max(1, status.Epochs));
                    evaluation ??= context.AddTask("evaluate", autoStart: false, maxValue: Math.Max(1, status.Subnets));
                    if (status.SearchBudget > 0)
                    {
                        search ??= context.AddTask("search", autoStart: false, maxValue: status.SearchBudget);
                    }

                    Show(status, training, evaluation, search);
                    last = status;
                }

                training?.StopTask();
                evaluation?.StopTask();
                search?.StopTask();
                return last ?? throw new InvalidOperationException("the experiment reported no status");
            }).ConfigureAwait(false);
    }

    private static void Show(ExperimentStatus status, ProgressTask training, ProgressTask evaluation, ProgressTask? search)
    {
        var worker = (status.Device is { } device ? $" on {device}" : string.Empty) + (status.Attempts > 1 ? $" [attempt {status.Attempts}]" : string.Empty);
        if (search is not null && (status.Phase == ExperimentPhase.Searching || status.Phase == ExperimentPhase.Completed))
        {
            ShowSearch(status, training, evaluation, search, worker);
            return;
        }

        if (status.Phase == ExperimentPhase.Evaluating || status.Phase == ExperimentPhase.Completed)
        {
            training.Value = training.MaxValue;
            training.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"trained {status.Epochs}/{status.Epochs} epochs{worker}"));
            training.StopTask();
            evaluation.StartTask();
            evaluation.Value = status.EvaluatedSubnets;
            evaluation.Description = Markup.Escape($"evaluate subnet {status.EvaluatedSubnets}/{status.Subnets}");
            return;
        }

        training.Value = EpochsDone(status);
        training.Description = Markup.Escape(status.StepsPerEpoch > 0 ? EpochInProgress(status) + worker : status.Message + worker);
    }

    /// <summary>Epochs trained, the one in progress counted by its steps (what a training bar's value is).</summary>
    internal static double EpochsDone(ExperimentStatus status) =>
        status.CompletedEpochs + (status.StepsPerEpoch > 0 ? (double)status.Step / status.StepsPerEpoch : 0);

    /// <summary>The epoch in progress with its running loss and accuracy, as training bars describe it.</summary>
    internal static string EpochInProgress(ExperimentStatus status) => string.Create(
        CultureInfo.InvariantCulture, $"train epoch {Math.Min(status.CompletedEpochs + 1, status.Epochs)}/{status.Epochs} loss {status.Loss:F3} acc {100 * status.Accuracy:F1}%");

    private static void ShowSearch(ExperimentStatus status, ProgressTask training, ProgressTask evaluation, ProgressTask search, string worker)
    {
        foreach (var done in new[] { training, evaluation })
        {
            done.Value = done.MaxValue;
            done.StopTask();
        }

        training.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"trained {status.Epochs}/{status.Epochs} epochs{worker}"));
        evaluation.Description = Markup.Escape($"evaluated {status.Subnets}/{status.Subnets} subnets");
        search.StartTask();
        search.Value = status.SearchedCells;
        search.Description = Markup.Escape($"search: cell {status.SearchedCells}/{status.SearchBudget} scored");
    }
}
