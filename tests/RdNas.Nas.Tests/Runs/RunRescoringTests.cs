using System.Text.Json;
using RdNas.Nas.Devices;
using RdNas.Nas.Runs;

namespace RdNas.Nas.Tests.Runs;

public sealed class RunRescoringTests
{
    [Fact]
    public void Run_WithTheRunsOwnSettings_ReproducesItsScoresAndLeavesTheRunAsItWas()
    {
        var run = TrainedSmokeRun();
        var before = File.ReadAllBytes(Path.Combine(run, TrainingRunWriter.ResultFile));
        var output = TestData.TempFolder();

        var ranking = RunRescoring.Run(new RescoringSpec(run, TestData.Real(), output, Device: ComputeDevice.Cpu), null, TestContext.Current.CancellationToken);

        Assert.Equal(File.ReadAllText(Path.Combine(run, TrainingRunWriter.SubnetsFile)), File.ReadAllText(Path.Combine(output, TrainingRunWriter.SubnetsFile)));
        Assert.Equal(RunRecord.Read(run).Ranking, ranking);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(run, TrainingRunWriter.ResultFile)));
        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, TrainingRunWriter.ResultFile)));
        Assert.Equal(Path.GetFullPath(run), result.RootElement.GetProperty(RunRescoring.SourceField).GetString());
        Assert.Equal(RunRecord.Read(run).Evaluation, RunRecord.Read(output).Evaluation);
        Assert.False(File.Exists(Path.Combine(output, EvaluationJournal.FileName)));
    }

    [Fact]
    public void Run_AnotherSampleAndColumn_ScoresThatSampleAndRecordsIt_AndAStoppedRescoringContinues()
    {
        var run = TrainedSmokeRun();
        var output = TestData.TempFolder();
        var spec = new RescoringSpec(run, TestData.Real(), output, Subnets: 5, SampleSeed: 1, GroundTruthColumn: "cifar10_test", Device: ComputeDevice.Cpu);

        Assert.Throws<OperationCanceledException>(() => RunRescoring.Run(spec, new RecordingRunObserver { StopAfterSubnet = 2 }, TestContext.Current.CancellationToken));
        var observer = new RecordingRunObserver();
        RunRescoring.Run(spec, observer, TestContext.Current.CancellationToken);

        Assert.Equal((2, 5), observer.Resumed);
        var expected = Nb201TrainingRun.EvaluationSample(TrainingPresets.Get("smoke").Evaluation with { Subnets = 5, SampleSeed = 1 }).Select(g => g.ToString());
        Assert.Equal(expected, File.ReadAllLines(Path.Combine(output, TrainingRunWriter.SubnetsFile)).Skip(1).Select(line => line.Split(',')[0]));
        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, TrainingRunWriter.ResultFile)));
        var root = result.RootElement;
        Assert.Equal(("cifar10_test", 5, 1L, 2), (root.GetProperty("ground_truth").GetString(), root.GetProperty("subnets").GetInt32(),
            root.GetProperty("evaluation").GetProperty("sample_seed").GetInt64(), root.GetProperty("evaluation_resumed_subnets").GetInt32()));
        var final = root.GetProperty("history").EnumerateArray().Last();
        Assert.Equal((1, 5), (final.GetProperty("epoch").GetInt32(), final.GetProperty("subnets").GetInt32()));
        Assert.Single(root.GetProperty("history").EnumerateArray(), entry => entry.GetProperty("epoch").GetInt32() == 1);
        Assert.NotEqual(RunRecord.Read(run).Evaluation, RunRecord.Read(output).Evaluation);
    }

    [Fact]
    public void Run_IntoTheRunsOwnFolder_IsRefused()
    {
        var run = TestData.TempFolder();

        var error = Assert.Throws<ArgumentException>(() => RunRescoring.Run(new RescoringSpec(run, TestData.Real(), run + "/"), null, TestContext.Current.CancellationToken));

        Assert.Contains("must differ from the run folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MoreSubnetsThanTheSpaceHolds_IsRefusedBeforeAnythingIsRead()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            RunRescoring.Run(new RescoringSpec(TestData.TempFolder(), TestData.Real(), TestData.TempFolder(), Subnets: 4097), null, TestContext.Current.CancellationToken));

        Assert.Contains("--subnets: must be between 2 (a ranking needs a pair) and 4096 (the 4-op space), got 4097", error.Message, StringComparison.Ordinal);
    }

    private static string TrainedSmokeRun()
    {
        var run = TestData.TempFolder();
        Nb201TrainingRun.Run(new TrainingRunSpec(TrainingPresets.Get("smoke"), TestData.Real(), run, Device: ComputeDevice.Cpu), new RecordingRunObserver(), TestContext.Current.CancellationToken);
        return run;
    }
}
