using System.Diagnostics;
using RdNas.Abstractions.Experiments;
using RdNas.Grains.Storage;
using RdNas.Grains.Telemetry;
using RdNas.Nas.Runs;
using RdNas.Nas.Training;

namespace RdNas.Grains.Training;

/// <summary>
/// Relays a run's progress from the training thread to the experiment grain: steps at most twice a second (fire and
/// forget: a lost report costs nothing), checkpoints synchronously (copied to the checkpoint store, then reported, so
/// a reported epoch is always one a new worker can resume from), and the device the run resolved, persisted. Every step, epoch, checkpoint and evaluated subnet
/// also goes to the silo's metrics. During the final evaluation the evaluation journal is stored with the checkpoint
/// every <see cref="EvaluatedSubnetsPerSave"/> subnets, and during a search the score journal every
/// <see cref="SearchCellsPerSave"/> cells, so a worker that takes over re-scores at most that many.
/// </summary>
internal sealed class WorkerProgressReporter(
    IExperimentRunReports experiment, ICheckpointStore store, string experimentId, string runDirectory, int attempt, RunMetrics metrics, CancellationToken cancellationToken)
    : ITrainingRunObserver
{
    /// <summary>Subnets scored between two stores of the evaluation journal.</summary>
    public const int EvaluatedSubnetsPerSave = 10;

    /// <summary>Cells scored between two stores of the search journal.</summary>
    public const int SearchCellsPerSave = 10;

    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(500);
    private readonly Stopwatch _sinceReport = Stopwatch.StartNew();

    public void OnDeviceResolved(string device)
    {
        metrics.TrainsOn(device);
        experiment.ReportDeviceAsync(attempt, device).GetAwaiter().GetResult();
    }

    public void OnTrainingProgress(TrainingProgress progress)
    {
        metrics.StepDone();
        Send(new WorkerReport(attempt, ExperimentPhase.Training, $"training epoch {progress.Epoch + 1}/{progress.Epochs}",
            progress.Epoch, progress.Epochs, progress.Step, progress.StepsPerEpoch, progress.Loss, progress.Accuracy, 0, 0), force: progress.Step == progress.StepsPerEpoch);
    }

    public void OnEpochTrained(EpochRecord epoch) =>
        metrics.EpochDone(epoch.Epoch, epoch.Loss, epoch.TrainAccuracy, TimeSpan.FromSeconds(epoch.Seconds));

    public void OnTeacherProgress(int done, int total) =>
        Send(new WorkerReport(attempt, ExperimentPhase.Training, $"gathering teacher scores {done}/{total}", 0, 0, 0, 0, 0, 0, 0, 0), force: done == total);

    public void OnResumed(int completedEpochs)
    {
        metrics.Resumed(completedEpochs);
        experiment.ReportResumedAsync(attempt, completedEpochs).GetAwaiter().GetResult();
    }

    public void OnCheckpointSaved(int completedEpochs)
    {
        var saving = Stopwatch.StartNew();
        store.SaveAsync(experimentId, runDirectory, cancellationToken).GetAwaiter().GetResult();
        metrics.CheckpointSaved(saving.Elapsed);
        experiment.ReportCheckpointAsync(attempt, completedEpochs).GetAwaiter().GetResult();
    }

    public void OnEvaluationResumed(int scored, int total) =>
        Send(new WorkerReport(attempt, ExperimentPhase.Evaluating, $"evaluation resumed: {scored}/{total} subnets scored before", 0, 0, 0, 0, 0, 0, scored, total), force: true);

    public void OnEvaluationProgress(int done, int total)
    {
        metrics.SubnetEvaluated();
        SaveJournalEvery(EvaluatedSubnetsPerSave, done, total);
        Send(new WorkerReport(attempt, ExperimentPhase.Evaluating, $"evaluating subnet {done}/{total}", 0, 0, 0, 0, 0, 0, done, total), force: done == 1 || done == total);
    }

    /// <summary>Progress of the search after the evaluation, which scores <paramref name="budget"/> cells.</summary>
    public IProgress<int> SearchProgress(int budget) => new SearchProgressRelay(this, budget);

    private void OnCellSearched(int done, int budget)
    {
        metrics.CellSearched();
        SaveJournalEvery(SearchCellsPerSave, done, budget);

        Send(new WorkerReport(attempt, ExperimentPhase.Searching, $"searching: cell {done}/{budget} scored", 0, 0, 0, 0, 0, 0, 0, 0, done), force: done == 1 || done == budget);
    }

    // Not after the last one: the run writes its result next, and a worker that takes over re-scores at most `every`.
    private void SaveJournalEvery(int every, int done, int total)
    {
        if (done % every == 0 && done < total)
        {
            store.SaveAsync(experimentId, runDirectory, cancellationToken).GetAwaiter().GetResult();
        }
    }

    private void Send(WorkerReport report, bool force)
    {
        if (!force && _sinceReport.Elapsed < s_interval)
        {
            return;
        }

        _sinceReport.Restart();
        _ = experiment.ReportProgressAsync(report).ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
    }

    // Called on the search's thread after each scored cell (Progress<T> would post to the thread pool and reorder).
    private sealed class SearchProgressRelay(WorkerProgressReporter reporter, int budget) : IProgress<int>
    {
        public void Report(int value) => reporter.OnCellSearched(value, budget);
    }
}
