using RdNas.Abstractions.Experiments;
using RdNas.Client;
using RdNas.Grains.Experiments;

namespace RdNas.Grains.Tests;

/// <summary>A worker that cannot start says why in the experiment's status, and the experiment fails instead of waiting forever.</summary>
public sealed class WorkerStartTests
{
    [Fact]
    public async Task Worker_RunFolderCannotBeCreated_QueuedSayingWhyThenFailsAfterItsTries()
    {
        var blocker = Path.Combine(Directory.CreateTempSubdirectory("rdnas-start").FullName, "a-file");
        await File.WriteAllTextAsync(blocker, "in the way", TestContext.Current.CancellationToken);
        await using var cluster = await PlatformTestCluster.StartAsync(1, [], allowCpuTraining: true, PlacementTests.RealData(), workDirectory: Path.Combine(blocker, "work"));
        await using var client = RdNasClient.Over(cluster.Client);

        var submitted = await client.SubmitAsync(new ExperimentSpec(Preset: "smoke", Epochs: 1, TrainImages: 256), "no-run-folder");
        var final = await PlacementTests.FinalAsync(client, "no-run-folder");

        Assert.Equal(ExperimentPhase.Queued, submitted.Phase);
        Assert.StartsWith($"a training worker could not start (try 1 of {ExperimentGrain.MaxStartFailures}; retrying): ", submitted.Message, StringComparison.Ordinal);
        Assert.Equal(ExperimentPhase.Failed, final.Phase);
        Assert.StartsWith($"no training worker could start ({ExperimentGrain.MaxStartFailures} tries): ", final.Message, StringComparison.Ordinal);
        Assert.Contains(blocker, final.Message, StringComparison.Ordinal); // the path the silo could not create
        Assert.Equal(0, final.Attempts); // no worker ever started
        Assert.Null(final.Worker);
    }
}
