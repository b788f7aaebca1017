using RdNas.Abstractions.Experiments;
using RdNas.Client;

namespace RdNas.Grains.Tests;

/// <summary>Deleting a stopped experiment frees its id and storage and forgets its supernet scores; a running one, or a running rescoring's source, is refused.</summary>
public sealed class ExperimentDeleteTests
{
    private static readonly ExperimentSpec s_source = new(Preset: "smoke", Epochs: 1, TrainImages: 256, Seed: 11);

    [Fact]
    public async Task Delete_CompletedExperiment_ForgetsCheckpointListEntryAndStateAndFreesTheId()
    {
        await using var cluster = await PlatformTestCluster.StartAsync(1, [], allowCpuTraining: true, PlacementTests.RealData());
        await using var client = RdNasClient.Over(cluster.Client);
        await client.SubmitAsync(s_source, "delete-me");
        Assert.Equal(ExperimentPhase.Completed, (await PlacementTests.FinalAsync(client, "delete-me")).Phase);
        using (var before = new MemoryStream())
        {
            Assert.True(await client.DownloadCheckpointAsync("delete-me", before, TestContext.Current.CancellationToken));
        }

        var subnets = (await client.GetResultAsync("delete-me"))!.SubnetsCsv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.All(await ScoredByAsync(client, subnets), by => Assert.Contains("delete-me", by));

        await client.DeleteAsync("delete-me");

        Assert.All(await ScoredByAsync(client, subnets), by => Assert.DoesNotContain("delete-me", by));
        Assert.Null(await client.GetSpecAsync("delete-me"));
        Assert.Null(await client.GetResultAsync("delete-me"));
        Assert.DoesNotContain(await client.ListExperimentsAsync(), e => e.Id == "delete-me");
        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => client.DeleteAsync("delete-me"));
        Assert.Equal("no experiment 'delete-me' on this cluster", again.Message);
        await client.SubmitAsync(s_source with { Seed = 12 }, "delete-me"); // another spec under the freed id
        var reused = await PlacementTests.FinalAsync(client, "delete-me");
        Assert.Equal(ExperimentPhase.Completed, reused.Phase);
        Assert.Equal(1, reused.Attempts);
        Assert.Null(reused.ResumedFromEpoch); // trained afresh: the deleted run's checkpoint was gone
    }

    // The experiments whose supernet scores each architecture holds.
    private static async Task<IReadOnlyList<string>[]> ScoredByAsync(RdNasClient client, IEnumerable<string> archs) =>
        await Task.WhenAll(archs.Select(async arch =>
            (IReadOnlyList<string>)[.. (await client.DescribeArchitectureAsync("nb201", arch)).SupernetScores.Select(s => s.ExperimentId)]));

    [Fact]
    public async Task Delete_RunningExperimentOrSourceOfAWaitingRescoring_Refused()
    {
        await using var cluster = await PlatformTestCluster.StartAsync(1, [], allowCpuTraining: true, PlacementTests.RealData());
        await using var client = RdNasClient.Over(cluster.Client);
        await client.SubmitAsync(s_source, "delete-source");
        Assert.Equal(ExperimentPhase.Completed, (await PlacementTests.FinalAsync(client, "delete-source")).Phase);
        await client.SubmitAsync(s_source with { Seed = 13, Epochs = 500 }, "delete-running"); // holds the silo's one slot
        await WorkerStartTests.StatusAsync(client, "delete-running", s => s.Phase == ExperimentPhase.Training);
        var waiting = await client.SubmitAsync(s_source with { Subnets = 4, SampleSeed = 1, RescoreOf = "delete-source" }, "delete-rescoring");

        var running = await Assert.ThrowsAsync<InvalidOperationException>(() => client.DeleteAsync("delete-running"));
        var source = await Assert.ThrowsAsync<InvalidOperationException>(() => client.DeleteAsync("delete-source"));
        await client.CancelAsync("delete-rescoring");
        await client.DeleteAsync("delete-source");
        await client.CancelAsync("delete-running");

        Assert.Equal(ExperimentPhase.Queued, waiting.Phase);
        Assert.Equal("experiment 'delete-running' is training: only a stopped experiment is deleted (rdnas experiments cancel delete-running stops it)", running.Message);
        Assert.Equal("experiment 'delete-rescoring' is scoring experiment 'delete-source''s supernet again: delete it once that has stopped", source.Message);
        Assert.Null(await client.GetSpecAsync("delete-source"));
    }
}
