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
/// a reported epoch is always one a new worker can resume from). Every step, epoch, checkpoint and evaluated subnet
/// also goes to the silo's metrics.
/// </summary>
internal sealed class WorkerProgressReporter(
    IExperimentRunReports experiment, ICheckpointStore store, string experimentId, string runDirectory, int attempt, RunMetrics metrics, CancellationToken cancellationToken)
    : ITrainingRunObserver
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(500);
    private readonly Stopwatch _sinceReport = Stopwatch.StartNew();

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

    public void OnEvaluationProgress(int done, int total)
    {
        metrics.SubnetEvaluated();
        Send(new WorkerReport(attempt, ExperimentPhase.Evaluating, $"evaluating subnet {done}/{total}", 0, 0, 0, 0, 0, 0, done, total), force: done == 1 || done == total);
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
}
