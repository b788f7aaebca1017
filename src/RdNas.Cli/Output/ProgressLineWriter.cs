using System.Diagnostics;
using RdNas.Abstractions.Experiments;

namespace RdNas.Cli.Output;

/// <summary>
/// An experiment's progress for scripts: JSON lines on standard error, one per phase, attempt, epoch and tenth of the
/// evaluation or search, and one every <c>messageInterval</c> while only the message moves (gathering a teacher's
/// scores before training). Lines carry the experiment's label when several experiments are followed at once.
/// </summary>
internal sealed class ProgressLineWriter(CliConsole console, string? experiment, TimeSpan messageInterval)
{
    private readonly Stopwatch _sinceWritten = Stopwatch.StartNew();
    private ProgressLine? _last;

    /// <summary>Writes a line for <paramref name="status"/> if it is news.</summary>
    public void Write(ExperimentStatus status)
    {
        var line = ProgressLine.Of(experiment, status);
        if (!line.SameStage(_last) || (line.Message != _last!.Message && _sinceWritten.Elapsed >= messageInterval))
        {
            console.ProgressJson(line);
            _last = line;
            _sinceWritten.Restart();
        }
    }

    // Loss and accuracy are the running means of the epoch in progress (training only).
    private sealed record ProgressLine(
        string? Experiment, ExperimentPhase Phase, int Attempt, string? Device, int Epoch, int Epochs, int? SubnetsScored, int? Subnets, int? CellsSearched,
        int? SearchBudget, double? Loss, double? Accuracy, string Message)
    {
        public bool SameStage(ProgressLine? other) => other is not null && this with { Loss = null, Accuracy = null, Message = "" } == other with { Loss = null, Accuracy = null, Message = "" };

        public static ProgressLine Of(string? experiment, ExperimentStatus status)
        {
            var evaluating = status.Phase is ExperimentPhase.Evaluating or ExperimentPhase.Completed;
            var searching = status.SearchBudget > 0 && status.Phase is ExperimentPhase.Searching or ExperimentPhase.Completed;
            return new(
                experiment, status.Phase, status.Attempts, status.Device, status.CompletedEpochs, status.Epochs,
                evaluating ? Tenths(status.EvaluatedSubnets, status.Subnets) : null, evaluating ? status.Subnets : null,
                searching ? Tenths(status.SearchedCells, status.SearchBudget) : null, searching ? status.SearchBudget : null,
                status.Phase == ExperimentPhase.Training && status.Step > 0 ? status.Loss : null,
                status.Phase == ExperimentPhase.Training && status.Step > 0 ? status.Accuracy : null,
                status.Message);
        }

        // done rounded down to a tenth of total (total itself once done).
        private static int Tenths(int done, int total) => total > 0 ? done * 10 / total * total / 10 : done;
    }
}
