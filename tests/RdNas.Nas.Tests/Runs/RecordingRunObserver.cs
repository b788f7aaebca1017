using RdNas.Nas.Runs;

namespace RdNas.Nas.Tests.Runs;

/// <summary>Records the evaluation's progress; stops the run (as a cancellation) after subnet <see cref="StopAfterSubnet"/>.</summary>
internal sealed class RecordingRunObserver : ITrainingRunObserver
{
    public int? StopAfterSubnet { get; init; }

    public (int Scored, int Total)? Resumed { get; private set; }

    public List<int> Evaluated { get; } = [];

    public void OnDeviceResolved(string device)
    {
    }

    public void OnTrainingProgress(RdNas.Nas.Training.TrainingProgress progress)
    {
    }

    public void OnEpochTrained(EpochRecord epoch)
    {
    }

    public void OnTeacherProgress(int done, int total)
    {
    }

    public void OnResumed(int completedEpochs)
    {
    }

    public void OnCheckpointSaved(int completedEpochs)
    {
    }

    public void OnEvaluationResumed(int scored, int total) => Resumed = (scored, total);

    public void OnEvaluationProgress(int done, int total)
    {
        Evaluated.Add(done);
        if (done == StopAfterSubnet)
        {
            throw new OperationCanceledException($"stopped after subnet {done}");
        }
    }
}
