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

        public void OnEvaluationProgress(int done, int total) => Assert.Fail("evaluation started");
    }
}
