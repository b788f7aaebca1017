using Orleans.Core.Internal;
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
        var blocker = await FileInTheWayAsync();
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

    [Fact]
    public async Task Worker_GrainReactivatedBetweenFailedStarts_GoesOnCountingItsTries()
    {
        var blocker = await FileInTheWayAsync();
        await using var cluster = await PlatformTestCluster.StartAsync(1, [], allowCpuTraining: true, PlacementTests.RealData(), workDirectory: Path.Combine(blocker, "work"));
        await using var client = RdNasClient.Over(cluster.Client);
        await client.SubmitAsync(new ExperimentSpec(Preset: "smoke", Epochs: 1, TrainImages: 256), "moved-between-tries");
        var secondTry = await StatusAsync(client, "moved-between-tries", s => s.Message.Contains("(try 2 of", StringComparison.Ordinal));

        // What a silo restart or a grain migration does between two watchdog retries (1 s apart here).
        var grain = cluster.Client.GetGrain<IExperimentGrain>("moved-between-tries");
        await grain.AsReference<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        await WaitUntilDeactivatedAsync(cluster.Client.GetGrain<IManagementGrain>(0), grain);
        var next = await StatusAsync(client, "moved-between-tries", s => s.Message != secondTry.Message);

        Assert.Equal(ExperimentPhase.Failed, next.Phase); // the third try, not a first one again
        Assert.StartsWith($"no training worker could start ({ExperimentGrain.MaxStartFailures} tries): ", next.Message, StringComparison.Ordinal);
    }

    /// <summary>A file where the silo's work folder should be, so no run folder can be created under it.</summary>
    private static async Task<string> FileInTheWayAsync()
    {
        var blocker = Path.Combine(Directory.CreateTempSubdirectory("rdnas-start").FullName, "a-file");
        await File.WriteAllTextAsync(blocker, "in the way", TestContext.Current.CancellationToken);
        return blocker;
    }

    /// <summary>The first status of experiment <paramref name="id"/> that meets <paramref name="condition"/> (polled every 20 ms, for at most a minute).</summary>
    internal static async Task<ExperimentStatus> StatusAsync(RdNasClient client, string id, Func<ExperimentStatus, bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(1));
        while (true)
        {
            var status = await client.GetStatusAsync(id);
            if (condition(status))
            {
                return status;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    private static async Task WaitUntilDeactivatedAsync(IManagementGrain management, IExperimentGrain grain)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (await management.GetActivationAddress(grain) is not null)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
