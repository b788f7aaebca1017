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
            ProgressLine? lastLine = null;
            var lastWritten = System.Diagnostics.Stopwatch.StartNew();
            await foreach (var status in statuses.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var line = ProgressLine.Of(status);
                if (!line.SameStage(lastLine) || (line.Message != lastLine!.Message && lastWritten.Elapsed >= (messageInterval ?? MessageInterval)))
                {
                    console.ProgressJson(line);
                    lastLine = line;
                    lastWritten.Restart();
                }

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

    // One progress line for scripts, written when the stage changes: the phase, the attempt, an epoch, a tenth of the
    // evaluation or search. Loss and accuracy are the running means of the epoch in progress (training only).
    private sealed record ProgressLine(
        ExperimentPhase Phase, int Attempt, string? Device, int Epoch, int Epochs, int? SubnetsScored, int? Subnets, int? CellsSearched, int? SearchBudget,
        double? Loss, double? Accuracy, string Message)
    {
        public bool SameStage(ProgressLine? other) => other is not null && this with { Loss = null, Accuracy = null, Message = "" } == other with { Loss = null, Accuracy = null, Message = "" };

        public static ProgressLine Of(ExperimentStatus status)
        {
            var evaluating = status.Phase is ExperimentPhase.Evaluating or ExperimentPhase.Completed;
            var searching = status.SearchBudget > 0 && status.Phase is ExperimentPhase.Searching or ExperimentPhase.Completed;
            return new(
                status.Phase, status.Attempts, status.Device, status.CompletedEpochs, status.Epochs,
                evaluating ? Tenths(status.EvaluatedSubnets, status.Subnets) : null, evaluating ? status.Subnets : null,
                searching ? Tenths(status.SearchedCells, status.SearchBudget) : null, searching ? status.SearchBudget : null,
                status.Phase == ExperimentPhase.Training && status.Step > 0 ? status.Loss : null,
                status.Phase == ExperimentPhase.Training && status.Step > 0 ? status.Accuracy : null,
                status.Message);
        }

        // done rounded down to a tenth of total (total itself once done).
        private static int Tenths(int done, int total) => total > 0 ? done * 10 / total * total / 10 : done;
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

        training.Value = status.CompletedEpochs + (status.StepsPerEpoch > 0 ? (double)status.Step / status.StepsPerEpoch : 0);
        training.Description = Markup.Escape(status.StepsPerEpoch > 0
            ? string.Create(CultureInfo.InvariantCulture, $"train epoch {Math.Min(status.CompletedEpochs + 1, status.Epochs)}/{status.Epochs} loss {status.Loss:F3} acc {100 * status.Accuracy:F1}%{worker}")
            : status.Message + worker);
    }

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
