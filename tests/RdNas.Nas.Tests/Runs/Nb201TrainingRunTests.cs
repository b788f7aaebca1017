using RdNas.Nas.Devices;
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

    [Fact]
    public void Run_TellsTheObserverItsDeviceBeforeAnythingIsTrained()
    {
        var output = TestData.TempFolder();
        var spec = new TrainingRunSpec(TrainingPresets.Get("smoke"), TestData.Real(), output, Device: ComputeDevice.Cpu);
        var observer = new IgnoringObserver { StopAtDevice = true };

        Assert.Throws<OperationCanceledException>(() => Nb201TrainingRun.Run(spec, observer, TestContext.Current.CancellationToken));

        Assert.Equal("cpu", observer.Device);
        Assert.False(Directory.Exists(Path.Combine(output, "checkpoint")));
    }

    [Fact]
    public void Run_UnavailableDevice_FailsBeforeTheObserverHearsOfADevice()
    {
        var spec = new TrainingRunSpec(TrainingPresets.Get("smoke"), TestData.Real(), TestData.TempFolder(), Device: ComputeDevice.Parse("cuda:7"));
        var observer = new IgnoringObserver();

        Assert.Throws<DeviceUnavailableException>(() => Nb201TrainingRun.Run(spec, observer, TestContext.Current.CancellationToken));

        Assert.Null(observer.Device);
    }

    [Fact]
    public void Run_StoppedDuringTheFinalEvaluation_ScoresOnlyTheRestAndWritesWhatAnUnstoppedRunWrites()
    {
        var whole = TestData.TempFolder();
        var unstopped = Nb201TrainingRun.Run(SmokeOnCpu(whole), new RecordingRunObserver(), TestContext.Current.CancellationToken);
        var stopped = TestData.TempFolder();

        Assert.Throws<OperationCanceledException>(() => Nb201TrainingRun.Run(SmokeOnCpu(stopped), new RecordingRunObserver { StopAfterSubnet = 4 }, TestContext.Current.CancellationToken));
        Assert.True(File.Exists(Path.Combine(stopped, EvaluationJournal.FileName)), "the scored subnets are journaled");
        var resumed = new RecordingRunObserver();
        var result = Nb201TrainingRun.Run(SmokeOnCpu(stopped), resumed, TestContext.Current.CancellationToken);

        Assert.Equal((4, 10), resumed.Resumed);
        Assert.Equal([5, 6, 7, 8, 9, 10], resumed.Evaluated);
        Assert.Equal(4, result.EvaluationResumedSubnets);
        Assert.Equal(File.ReadAllText(Path.Combine(whole, TrainingRunWriter.SubnetsFile)), File.ReadAllText(Path.Combine(stopped, TrainingRunWriter.SubnetsFile)));
        Assert.False(File.Exists(Path.Combine(stopped, EvaluationJournal.FileName)), "the journal goes once result.json holds every score");
        Assert.Contains("\"evaluation_resumed_subnets\": 4", File.ReadAllText(Path.Combine(stopped, TrainingRunWriter.ResultFile)), StringComparison.Ordinal);
        Assert.Null(unstopped.EvaluationResumedSubnets);
    }

    [Fact]
    public void Run_EvaluationJournalOfOtherWeights_IsNotUsed()
    {
        var seed0 = TestData.TempFolder();
        Assert.Throws<OperationCanceledException>(() => Nb201TrainingRun.Run(SmokeOnCpu(seed0), new RecordingRunObserver { StopAfterSubnet = 4 }, TestContext.Current.CancellationToken));
        var seed1 = TestData.TempFolder();
        File.Copy(Path.Combine(seed0, EvaluationJournal.FileName), Path.Combine(seed1, EvaluationJournal.FileName));
        var smoke = SmokeOnCpu(seed1);
        var observer = new RecordingRunObserver();

        var result = Nb201TrainingRun.Run(smoke with { Preset = smoke.Preset with { Training = smoke.Preset.Training with { Seed = 1 } } }, observer, TestContext.Current.CancellationToken);

        Assert.Null(observer.Resumed);
        Assert.Equal(Enumerable.Range(1, 10), observer.Evaluated);
        Assert.Null(result.EvaluationResumedSubnets);
    }

    [Fact]
    public void Run_FinishedRunFolderWithOtherEvaluationSettings_IsRefusedAndItsResultKept()
    {
        var output = TestData.TempFolder();
        Nb201TrainingRun.Run(SmokeOnCpu(output), new RecordingRunObserver(), TestContext.Current.CancellationToken);
        var result = File.ReadAllBytes(Path.Combine(output, TrainingRunWriter.ResultFile));
        var smoke = SmokeOnCpu(output);

        var error = Assert.Throws<ArgumentException>(() => Nb201TrainingRun.Run(
            smoke with { Preset = smoke.Preset with { Evaluation = smoke.Preset.Evaluation with { SampleSeed = 1 } } }, new RecordingRunObserver(), TestContext.Current.CancellationToken));
        var kept = File.ReadAllBytes(Path.Combine(output, TrainingRunWriter.ResultFile));
        var again = new RecordingRunObserver();
        Nb201TrainingRun.Run(smoke, again, TestContext.Current.CancellationToken); // the same settings: the run is repeated

        Assert.Contains("holds a finished run scored with other evaluation settings (10 subnets of sample seed 0,", error.Message, StringComparison.Ordinal);
        Assert.Contains("this run asks for 10 subnets of sample seed 1,", error.Message, StringComparison.Ordinal);
        Assert.Contains($"rdnas evaluate --run {output} --out ANOTHER_FOLDER", error.Message, StringComparison.Ordinal);
        Assert.Equal(result, kept);
        Assert.Equal(Enumerable.Range(1, 10), again.Evaluated);
    }

    private static TrainingRunSpec SmokeOnCpu(string output) =>
        new(TrainingPresets.Get("smoke"), TestData.Real(), output, Device: ComputeDevice.Cpu);

    private sealed class IgnoringObserver : ITrainingRunObserver
    {
        /// <summary>Ends the run (as a cancellation) once the device is known.</summary>
        public bool StopAtDevice { get; init; }

        public string? Device { get; private set; }

        public void OnDeviceResolved(string device)
        {
            Device = device;
            if (StopAtDevice)
            {
                throw new OperationCanceledException("stopped once the device was known");
            }
        }

        public void OnTrainingProgress(RdNas.Nas.Training.TrainingProgress progress) => Assert.Fail("training started");

        public void OnEpochTrained(EpochRecord epoch) => Assert.Fail("an epoch trained");

        public void OnTeacherProgress(int done, int total)
        {
        }

        public void OnResumed(int completedEpochs)
        {
        }

        public void OnCheckpointSaved(int completedEpochs) => Assert.Fail("checkpoint saved");

        public void OnEvaluationResumed(int scored, int total) => Assert.Fail("evaluation resumed");

        public void OnEvaluationProgress(int done, int total) => Assert.Fail("evaluation started");
    }
}
