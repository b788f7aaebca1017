using RdNas.Nas.Runs;

namespace RdNas.Nas.Tests.Runs;

public sealed class Nb201TrainingRunTests
{
    [Fact]
    public void Run_UnknownGroundTruthColumn_FailsBeforeTrainingNamingTheColumn()
    {
        var output = TestData.TempFolder();
        var spec = new TrainingRunSpec(TrainingPresets.Get("smoke"), TestData.Real(), output, GroundTruthColumn: "cifar10_vaild");

        var error = Assert.Throws<ArgumentException>(() => Nb201TrainingRun.Run(spec, new IgnoringObserver(), TestContext.Current.CancellationToken));

        Assert.Contains("no ground-truth column 'cifar10_vaild'", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "checkpoint")), "nothing may be trained for a run that cannot be scored");
    }

    private sealed class IgnoringObserver : ITrainingRunObserver
    {
        public void OnTrainingProgress(RdNas.Nas.Training.TrainingProgress progress) => Assert.Fail("training started");

        public void OnEpochTrained(EpochRecord epoch) => Assert.Fail("an epoch trained");

        public void OnTeacherProgress(int done, int total)
        {
        }

        public void OnResumed(int completedEpochs)
        {
        }

        public void OnCheckpointSaved(int completedEpochs) => Assert.Fail("checkpoint saved");

        public void OnEvaluationProgress(int done, int total) => Assert.Fail("evaluation started");
    }
}
