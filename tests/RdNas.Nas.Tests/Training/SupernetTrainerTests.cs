using RdNas.Nas.Data;
using RdNas.Nas.Evaluation;
using RdNas.Nas.Randomness;
using RdNas.Nas.Runs;
using RdNas.Nas.Sampling;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;
using RdNas.Nas.Teachers;
using RdNas.Nas.Training;
using RdNas.Nas.Training.Methods;
using TorchSharp;
using static TorchSharp.torch;

namespace RdNas.Nas.Tests.Training;

[Collection(nameof(LibtorchThreadCount))]
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

        WriteCheckpoint(folder, epochs: 1);

        using var resumed = Create();
        resumed.LoadCheckpoint(folder);
        Assert.Equal(1, resumed.CompletedEpochs);
        resumed.TrainEpoch(null, TestContext.Current.CancellationToken);
        resumed.TrainEpoch(null, TestContext.Current.CancellationToken);

        AssertSameState(uninterrupted, resumed, "after resume");
    }

    [Fact]
    public void ExplicitCpuDevice_TrainsBitIdenticallyToTheDefault()
    {
        using var byDefault = Create();
        using var onCpu = Create(device: CPU);

        byDefault.TrainEpoch(null, TestContext.Current.CancellationToken);
        onCpu.TrainEpoch(null, TestContext.Current.CancellationToken);

        Assert.Equal(DeviceType.CPU, onCpu.Model.Device.type);
        AssertSameState(byDefault, onCpu, "after an epoch");
    }

    [Fact]
    public void UpdateUnusedParameters_ChangesTrainingAndResumesBitIdentically()
    {
        var folder = AssertChangesTrainingAndResumesBitIdentically(s_options with { UpdateUnusedParameters = true }, s_tiny);

        using var other = Create();
        Assert.Throws<InvalidOperationException>(() => other.LoadCheckpoint(folder)); // the checkpoint records the optimizer behaviour
    }

    [Fact]
    public void HeadDropout_ChangesTrainingAndResumesBitIdentically() =>
        AssertChangesTrainingAndResumesBitIdentically(s_options, s_tiny with { HeadDropout = 0.5 });

    [Fact]
    public void HeadDropout_EvaluationBetweenEpochs_LeavesTheTrajectoryAlone()
    {
        var dropping = s_tiny with { HeadDropout = 0.5 };
        using var untouched = Create(supernet: dropping);
        using var evaluated = Create(supernet: dropping);
        untouched.TrainEpoch(null, TestContext.Current.CancellationToken);
        evaluated.TrainEpoch(null, TestContext.Current.CancellationToken);

        // A history evaluation recalibrates batch norms in training mode (the run restores their statistics after it, as
        // here); the dropout stream must not notice.
        var images = TinyImages();
        using (new RunningStatisticsSnapshot(evaluated.Model))
        {
            new SubnetEvaluator(evaluated.Model, images, TrainValidSplit.Create(images.Count, 0), new EvaluationOptions(RecalibrationBatches: 2, RecalibrationBatchSize: 8, BatchSize: 16))
                .Measure(new Nb201SearchSpace(4).Sample(new SeededGenerator(1)), TestContext.Current.CancellationToken);
        }

        untouched.TrainEpoch(null, TestContext.Current.CancellationToken);
        evaluated.TrainEpoch(null, TestContext.Current.CancellationToken);

        AssertSameState(untouched, evaluated, "after an evaluation between epochs");
    }

    [Fact]
    public void LoadCheckpoint_WrittenBeforeHeadDropoutAndPlainReductions_ResumesWithTheirDefaults()
    {
        var folder = Path.Combine(TestData.TempFolder(), "checkpoint");
        WriteCheckpoint(folder, epochs: 1);
        var stateFile = Path.Combine(folder, "trainer.json");
        var state = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(stateFile))!.AsObject();
        var supernet = state[nameof(TrainingCheckpointState.Supernet)]!.AsObject();
        Assert.True(supernet.Remove(nameof(Nb201SupernetOptions.HeadDropout)) && supernet.Remove(nameof(Nb201SupernetOptions.ReductionAffine)));
        state.Remove(nameof(TrainingCheckpointState.DropoutGenerator));
        File.WriteAllText(stateFile, state.ToJsonString());

        using var resumed = Create();
        resumed.LoadCheckpoint(folder);

        Assert.Equal(1, resumed.CompletedEpochs);
    }

    [Fact]
    public void HeadDropout_CheckpointWithoutDropoutState_IsRefused()
    {
        var dropping = s_tiny with { HeadDropout = 0.5 };
        var folder = Path.Combine(TestData.TempFolder(), "checkpoint");
        WriteCheckpoint(folder, epochs: 1, supernet: dropping);
        var stateFile = Path.Combine(folder, "trainer.json");
        var state = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(stateFile))!.AsObject();
        state.Remove(nameof(TrainingCheckpointState.DropoutGenerator));
        File.WriteAllText(stateFile, state.ToJsonString());

        using var resumed = Create(supernet: dropping);
        var error = Assert.Throws<InvalidDataException>(() => resumed.LoadCheckpoint(folder));

        Assert.Contains("holds no dropout generator state", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnfinishedRun_CheckpointWithoutResult_GivesItsProgress()
    {
        var run = TestData.TempFolder();
        Assert.Null(UnfinishedRun.Find(run)); // neither checkpoint nor result: not a run at all
        WriteCheckpoint(Path.Combine(run, TrainingRunSpec.CheckpointFolder), epochs: 1);

        Assert.Equal(new UnfinishedRun(run, CompletedEpochs: 1, Epochs: 3), UnfinishedRun.Find(run + Path.DirectorySeparatorChar));
        File.WriteAllText(Path.Combine(run, TrainingRunWriter.ResultFile), "{}");
        Assert.Null(UnfinishedRun.Find(run)); // finished: the result is what counts
    }

    [Fact]
    public void LoadCheckpoint_OtherOptions_IsRefused()
    {
        var folder = Path.Combine(TestData.TempFolder(), "checkpoint");
        WriteCheckpoint(folder, epochs: 1);

        using var other = Create(s_options with { Seed = 12, WeightDecay = 1e-4 });

        var error = Assert.Throws<InvalidOperationException>(() => other.LoadCheckpoint(folder));
        Assert.Contains($"checkpoint {folder} was written by a different run: Seed {s_options.Seed} there, 12 here; WeightDecay 0.0005 there, 0.0001 here (resume it with", error.Message, StringComparison.Ordinal);
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

    [Fact]
    public void TrainingOptions_AveragingFromTheLastEpoch_NamesTheField()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingOptions(Epochs: 3) { AverageWeightsAfter = 3 }.Validate());

        Assert.Equal("AverageWeightsAfter", error.ParamName);
    }

    [Fact]
    public void WeightAveraging_ResumedRun_EvaluatesTheSameAverageAsAnUninterruptedOne()
    {
        var averaging = s_options with { AverageWeightsAfter = 1 };
        var folder = Path.Combine(TestData.TempFolder(), "checkpoint");
        using var uninterrupted = Create(averaging);
        var lastEpochs = new List<Dictionary<string, Tensor>>();
        for (var e = 0; e < 3; e++)
        {
            uninterrupted.TrainEpoch(null, TestContext.Current.CancellationToken);
            lastEpochs.Add(uninterrupted.Model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone()));
        }

        WriteCheckpoint(folder, epochs: 2, averaging); // stopped after the first averaged epoch

        using var resumed = Create(averaging);
        resumed.LoadCheckpoint(folder);
        resumed.TrainEpoch(null, TestContext.Current.CancellationToken);
        uninterrupted.UseFinalWeights();
        resumed.UseFinalWeights();

        // Epochs 2 and 3 come after epoch 1: the evaluated weights are their mean, not the last epoch's.
        foreach (var (name, parameter) in uninterrupted.Model.named_parameters())
        {
            using var mean = (lastEpochs[1][name] + lastEpochs[2][name]) / 2;
            Assert.True(parameter.allclose(mean, rtol: 1e-5, atol: 1e-7), $"{name} is not the mean of epochs 2 and 3");
        }

        Assert.Contains(uninterrupted.Model.named_parameters(), p => !p.parameter.equal(lastEpochs[2][p.name]).all().item<bool>());
        AssertSameState(uninterrupted, resumed, "after resume");
    }

    [Fact]
    public void WeightAveraging_CheckpointWithoutAverage_IsRefused()
    {
        var folder = Path.Combine(TestData.TempFolder(), "checkpoint");
        WriteCheckpoint(folder, epochs: 1);

        using var averaging = Create(s_options with { AverageWeightsAfter = 0 });

        var error = Assert.Throws<FileNotFoundException>(() => averaging.LoadCheckpoint(folder));
        Assert.Equal($"checkpoint {folder} holds no weight average (average.bin), and this run averages weights", error.Message);
    }

    [Fact]
    public void UseFinalWeights_BeforeTheLastEpoch_Throws()
    {
        using var trainer = Create(s_options with { AverageWeightsAfter = 0 });
        trainer.TrainEpoch(null, TestContext.Current.CancellationToken);

        var error = Assert.Throws<InvalidOperationException>(trainer.UseFinalWeights);

        Assert.Equal("1 of 3 epochs trained: the final weights do not exist yet", error.Message);
    }

    public static TheoryData<string> Methods => ["spos", "fairnas", "sandwich", "rdnas-reference", "rdnas-paper"];

    [Theory]
    [MemberData(nameof(Methods))]
    public void EveryMethod_TrainsAnEpoch_AndResumesBitIdentically(string name)
    {
        var folder = Path.Combine(TestData.TempFolder(), "checkpoint");
        using var uninterrupted = Create(s_options with { Epochs = 2 }, MethodNamed(name));
        uninterrupted.TrainEpoch(null, TestContext.Current.CancellationToken);
        var summary = uninterrupted.TrainEpoch(null, TestContext.Current.CancellationToken);
        WriteCheckpoint(folder, epochs: 1, s_options with { Epochs = 2 }, MethodNamed(name));

        using var resumed = Create(s_options with { Epochs = 2 }, MethodNamed(name));
        resumed.LoadCheckpoint(folder);
        resumed.TrainEpoch(null, TestContext.Current.CancellationToken);

        Assert.True(double.IsFinite(summary.Loss) && summary.Loss > 0, $"{name}: loss {summary.Loss}");
        Assert.InRange(summary.Accuracy, 0, 1);
        AssertSameState(uninterrupted, resumed, $"{name}: after resume");
    }

    [Fact]
    public void LoadCheckpoint_OtherTeacher_IsRefused()
    {
        var folder = Path.Combine(TestData.TempFolder(), "checkpoint");
        WriteCheckpoint(folder, epochs: 1, method: MethodNamed("rdnas-reference"));

        var space = new Nb201SearchSpace(4);
        var otherTeacher = TeacherScores.FromScores("params", space.Enumerate().ToDictionary(c => c, c => Nb201CostModel.ParamsMillions(c)));
        using var other = Create(null, new RdNasMethod(DistancePairSampler.Margin(space), otherTeacher, PairwiseRankingLoss.Reference, LambdaSchedule.Sine));

        var error = Assert.Throws<InvalidOperationException>(() => other.LoadCheckpoint(folder));
        Assert.Contains("teacher=params", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 75, new[] { 19, 38, 56 })]
    [InlineData(3, 2, new[] { 1 })]
    [InlineData(3, 1, new int[0])]
    [InlineData(0, 25, new int[0])]
    public void History_EvaluationEpochs_AreEvenlySpacedBeforeTheEnd(int points, int epochs, int[] expected)
    {
        Assert.Equal(expected, RdNas.Nas.Runs.TrainingHistory.Epochs(points, epochs).Order());
    }

    [Fact]
    public void FairNas_EachStepsSubnets_UseEveryOperationOncePerEdge()
    {
        var space = new Nb201SearchSpace(4);
        var subnets = new FairNasMethod(space).Subnets(new RdNas.Nas.Randomness.SeededGenerator(8));

        Assert.Equal(4, subnets.Count);
        for (var edge = 0; edge < Nb201Edges.Count; edge++)
        {
            Assert.Equal(space.Ops.Order(), subnets.Select(s => s[edge]).Order());
        }
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Sandwich_FixedCells_AreTheReferenceCodes(int opCount)
    {
        var sandwich = new SandwichMethod(new Nb201SearchSpace(opCount));

        Assert.Equal("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|", sandwich.Largest.ToString());
        Assert.Equal("|nor_conv_3x3~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|", sandwich.Smallest.ToString());
        Assert.Equal($"sandwich (smallest {sandwich.Smallest}, 2 uniform)", sandwich.Description);
    }

    private static ITrainingMethod MethodNamed(string name)
    {
        var space = new Nb201SearchSpace(4);
        var flops = TeacherScores.FromScores("flops", space.Enumerate().ToDictionary(c => c, c => Nb201CostModel.Mflops(c)));
        return name switch
        {
            "spos" => new SposMethod(new UniformSubnetSampler(space)),
            "fairnas" => new FairNasMethod(space),
            "sandwich" => new SandwichMethod(space),
            "rdnas-reference" => new RdNasMethod(DistancePairSampler.Margin(space), flops, PairwiseRankingLoss.Reference, LambdaSchedule.Constant(1)),
            _ => new RdNasMethod(DistancePairSampler.Hamming(space), flops, PairwiseRankingLoss.Paper(0.1), LambdaSchedule.Warmup),
        };
    }

    // A run of the given options and method stopped after its first epochs, as a checkpoint in folder.
    private static void WriteCheckpoint(string folder, int epochs, TrainingOptions? options = null, ITrainingMethod? method = null, Nb201SupernetOptions? supernet = null)
    {
        using var first = Create(options, method, supernet: supernet);
        for (var e = 0; e < epochs; e++)
        {
            first.TrainEpoch(null, TestContext.Current.CancellationToken);
        }

        first.SaveCheckpoint(folder);
    }

    // Trains the plain tiny run and the variant side by side for three epochs, then the variant again from its own
    // one-epoch checkpoint: the variant must train differently and resume bit-identically. Returns the checkpoint folder.
    private static string AssertChangesTrainingAndResumesBitIdentically(TrainingOptions options, Nb201SupernetOptions supernet)
    {
        var folder = Path.Combine(TestData.TempFolder(), "checkpoint");
        using var plain = Create();
        using var uninterrupted = Create(options, supernet: supernet);
        for (var e = 0; e < 3; e++)
        {
            plain.TrainEpoch(null, TestContext.Current.CancellationToken);
            uninterrupted.TrainEpoch(null, TestContext.Current.CancellationToken);
        }

        WriteCheckpoint(folder, epochs: 1, options, supernet: supernet);
        using var resumed = Create(options, supernet: supernet);
        resumed.LoadCheckpoint(folder);
        resumed.TrainEpoch(null, TestContext.Current.CancellationToken);
        resumed.TrainEpoch(null, TestContext.Current.CancellationToken);

        AssertSameState(uninterrupted, resumed, "after resume");
        var weights = plain.Model.state_dict();
        Assert.Contains(weights.Keys, key => !weights[key].equal(uninterrupted.Model.state_dict()[key]).all().item<bool>());
        return folder;
    }

    private static void AssertSameState(SupernetTrainer expected, SupernetTrainer actual, string context)
    {
        var expectedState = expected.Model.state_dict();
        var actualState = actual.Model.state_dict();
        Assert.Equal(expectedState.Keys, actualState.Keys);
        Assert.All(expectedState.Keys, key => Assert.True(expectedState[key].equal(actualState[key]).all().item<bool>(), $"{key} differs {context}"));
    }

    private static SupernetTrainer Create(TrainingOptions? options = null, ITrainingMethod? method = null, Device? device = null, Nb201SupernetOptions? supernet = null)
    {
        var images = TinyImages();
        return new SupernetTrainer(supernet ?? s_tiny, options ?? s_options, method ?? new SposMethod(new UniformSubnetSampler(new Nb201SearchSpace(4))), images, [.. Enumerable.Range(0, 128)], device);
    }

    private static Cifar10Images TinyImages() => TestData.RandomImages(128, seed: 2);

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
