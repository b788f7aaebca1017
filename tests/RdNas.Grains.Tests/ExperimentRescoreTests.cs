using System.Text.Json;
using RdNas.Abstractions.Experiments;
using RdNas.Client;

namespace RdNas.Grains.Tests;

[Collection(SingleSiloTests.Name)]
public sealed class ExperimentRescoreTests(SingleSiloCluster fixture)
{
    private static readonly ExperimentSpec s_source = new(Preset: "smoke", Epochs: 2, TrainImages: 256, Seed: 8);

    private RdNasClient Client => RdNasClient.Over(fixture.Cluster.Client);

    [Fact]
    public async Task Rescore_CompletedExperimentOnAnotherSample_ScoresItsSupernetWithoutTraining()
    {
        await Client.SubmitAsync(s_source, "rescore-source");
        Assert.Equal(ExperimentPhase.Completed, (await PlacementTests.FinalAsync(Client, "rescore-source")).Phase);

        await Client.SubmitAsync(s_source with { Subnets = 6, SampleSeed = 1, RescoreOf = "rescore-source" }, "rescore-sample1");
        var final = await PlacementTests.FinalAsync(Client, "rescore-sample1");
        var source = await Client.GetResultAsync("rescore-source");
        var rescored = await Client.GetResultAsync("rescore-sample1");

        Assert.True(final.Phase == ExperimentPhase.Completed, final.Message);
        Assert.Equal(2, final.ResumedFromEpoch);
        Assert.Equal(7, rescored!.SubnetsCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        using var sourceJson = JsonDocument.Parse(source!.ResultJson);
        using var rescoredJson = JsonDocument.Parse(rescored.ResultJson);
        Assert.Equal(sourceJson.RootElement.GetProperty("train_seconds").GetDouble(), rescoredJson.RootElement.GetProperty("train_seconds").GetDouble());
        Assert.Equal(1, rescoredJson.RootElement.GetProperty("evaluation").GetProperty("sample_seed").GetInt64());
        Assert.NotEqual(source.SubnetsCsv, rescored.SubnetsCsv);
        using var checkpoint = new MemoryStream();
        Assert.True(await Client.DownloadCheckpointAsync("rescore-sample1", checkpoint, TestContext.Current.CancellationToken), "a rescoring experiment's run folder holds the supernet it scored");
        var ofARescoring = await Assert.ThrowsAsync<InvalidExperimentSpecException>(() => Client.SubmitAsync(s_source with { RescoreOf = "rescore-sample1" }, "rescore-twice"));
        Assert.Equal("rescore_of", ofARescoring.Field);
        Assert.Contains("experiment 'rescore-sample1' scores experiment 'rescore-source''s supernet: score that one", ofARescoring.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rescore_SourceUnknownUnfinishedOrTrainedOtherwise_RefusedNamingTheField()
    {
        await Client.SubmitAsync(s_source with { Epochs = 60, Seed = 9 }, "rescore-running");
        await Client.SubmitAsync(s_source with { Seed = 10 }, "rescore-other");
        Assert.Equal(ExperimentPhase.Completed, (await PlacementTests.FinalAsync(Client, "rescore-other")).Phase);

        var unknown = await Assert.ThrowsAsync<InvalidExperimentSpecException>(() => Client.SubmitAsync(s_source with { RescoreOf = "rescore-nobody" }, "rescore-a"));
        var running = await Assert.ThrowsAsync<InvalidExperimentSpecException>(() => Client.SubmitAsync(s_source with { Epochs = 60, Seed = 9, RescoreOf = "rescore-running" }, "rescore-b"));
        var otherTraining = await Assert.ThrowsAsync<InvalidExperimentSpecException>(() => Client.SubmitAsync(s_source with { RescoreOf = "rescore-other" }, "rescore-c"));
        await Client.CancelAsync("rescore-running");

        Assert.All([unknown, running, otherTraining], e => Assert.Equal("rescore_of", e.Field));
        Assert.Contains("no experiment 'rescore-nobody' to score again", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("experiment 'rescore-running' is ", running.Message, StringComparison.Ordinal);
        Assert.Contains("only a completed experiment's supernet is scored again", running.Message, StringComparison.Ordinal);
        Assert.Contains("the spec's training settings must be experiment 'rescore-other''s", otherTraining.Message, StringComparison.Ordinal);
        Assert.Null(await Client.GetSpecAsync("rescore-c"));
    }
}
