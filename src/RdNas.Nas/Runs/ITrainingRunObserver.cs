using RdNas.Nas.Training;

namespace RdNas.Nas.Runs;

/// <summary>
/// Receives a run's progress (its final evaluation's too); called on the training thread, so implementations must be
/// thread-safe.
/// </summary>
public interface ITrainingRunObserver : IEvaluationObserver
{
    /// <summary>
    /// The run trains and scores on <paramref name="device"/> (<c>cpu</c> or <c>cuda:N</c>): the device setting resolved,
    /// before the teacher, the checkpoint and the first step.
    /// </summary>
    void OnDeviceResolved(string device);

    /// <summary>A training step finished.</summary>
    void OnTrainingProgress(TrainingProgress progress);

    /// <summary>An epoch finished training: its entry of the training curve (before its history point and checkpoint).</summary>
    void OnEpochTrained(EpochRecord epoch);

    /// <summary>Cell <paramref name="done"/> of <paramref name="total"/> has been scored by the teacher (first run only).</summary>
    void OnTeacherProgress(int done, int total);

    /// <summary>The run resumed from a checkpoint at <paramref name="completedEpochs"/>.</summary>
    void OnResumed(int completedEpochs);

    /// <summary>
    /// Epoch <paramref name="completedEpochs"/> is checkpointed in the run folder (with its history); a platform copies
    /// it to durable storage here, before training goes on.
    /// </summary>
    void OnCheckpointSaved(int completedEpochs);
}
