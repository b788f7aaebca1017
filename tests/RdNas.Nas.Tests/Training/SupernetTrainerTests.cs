using RdNas.Nas.Data;
using RdNas.Nas.Sampling;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;
using RdNas.Nas.Training;
using static TorchSharp.torch;

namespace RdNas.Nas.Tests.Training;

public sealed class SupernetTrainerTests
{
    private static readonly Nb201SupernetOptions s_tiny = new(Width: 4, CellsPerStage: 1);
    private static readonly TrainingOptions s_options = new(Epochs: 3, BatchSize: 16, TrainImages: 64, Seed: 11);

    [Fact]
    public void TrainEpoch_TinyData_ReportsEveryStepAndFiniteLoss()
    {
        var reports = new List<TrainingProgress>();
        using var trainer = Create();

        var summary = trainer.TrainEpoch(new SynchronousProgress(reports.Add), TestContext.Current.CancellationToken);

        Assert.Equal(4, reports.Count);
        Assert.Equal(4, summary.Step);
        Assert.True(double.IsFinite(summary.Loss) && summary.Loss > 0);
        Assert.Equal(1, trainer.CompletedEpochs);
    }

    [Fact]
    public void Resume_FromCheckpoint_EndsBitIdenticalToUninterruptedRun()
    {
        var folder = Path.Combine(TestData.TempFolder(), "checkpoint");
        using var uninterrupted = Create();
        for (var e = 0; e < 3; e++)
        {
            uninterrupted.TrainEpoch(null, TestContext.Current.CancellationToken);
        }

        using (var first = Create())
        {
            first.TrainEpoch(null, TestContext.Current.CancellationToken);
            first.SaveCheckpoint(folder);
        }

        using var resumed = Create();
        resumed.LoadCheckpoint(folder);
        Assert.Equal(1, resumed.CompletedEpochs);
        resumed.TrainEpoch(null, TestContext.Current.CancellationToken);
        resumed.TrainEpoch(null, TestContext.Current.CancellationToken);

        var expected = uninterrupted.Model.state_dict();
        var actual = resumed.Model.state_dict();
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected.Keys, key => Assert.True(expected[key].equal(actual[key]).all().item<bool>(), $"{key} differs after resume"));
    }

    [Fact]
    public void LoadCheckpoint_OtherOptions_IsRefused()
    {
        var folder = Path.Combine(TestData.TempFolder(), "checkpoint");
        using (var first = Create())
        {
            first.TrainEpoch(null, TestContext.Current.CancellationToken);
            first.SaveCheckpoint(folder);
        }

        using var other = Create(s_options with { Seed = 12 });

        var error = Assert.Throws<InvalidOperationException>(() => other.LoadCheckpoint(folder));
        Assert.Contains("different run", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TrainEpoch_AfterLastEpoch_Throws()
    {
        using var trainer = Create(s_options with { Epochs = 1 });
        trainer.TrainEpoch(null, TestContext.Current.CancellationToken);

        Assert.Throws<InvalidOperationException>(() => trainer.TrainEpoch(null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void TrainingOptions_LearningRate_FollowsCosineToMinimum()
    {
        var options = new TrainingOptions(Epochs: 10);

        Assert.Equal(0.025, options.LearningRateAt(0), 12);
        Assert.Equal(0.001 + (0.024 / 2), options.LearningRateAt(5), 12);
        Assert.True(options.LearningRateAt(9) > 0.001);
    }

    [Fact]
    public void TrainingOptions_ZeroEpochs_NamesTheField()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions(Epochs: 0).Validate());

        Assert.Equal("Epochs", error.ParamName);
    }

    private static SupernetTrainer Create(TrainingOptions? options = null)
    {
        var pixels = new byte[128 * Cifar10Images.PixelBytes];
        new Random(2).NextBytes(pixels);
        var images = new Cifar10Images(pixels, [.. Enumerable.Range(0, 128).Select(i => (byte)(i % 10))]);
        return new SupernetTrainer(s_tiny, options ?? s_options, new UniformSubnetSampler(new Nb201SearchSpace(4)), images, [.. Enumerable.Range(0, 128)]);
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
