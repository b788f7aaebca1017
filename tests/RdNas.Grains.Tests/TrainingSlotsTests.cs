using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;
using RdNas.Abstractions.Experiments;
using RdNas.Client;
using RdNas.Grains.Placement;
using RdNas.Grains.Scheduling;
using RdNas.Grains.Training;

namespace RdNas.Grains.Tests;

/// <summary>A training silo trains as many experiments at once as it declares slots; the rest wait in line, saying so.</summary>
public sealed class TrainingSlotsTests
{
    // Long enough to be cancelled while it trains: 500 epochs of 256 images.
    private static readonly ExperimentSpec s_long = new(Preset: "smoke", Epochs: 500, TrainImages: 256);

    [Fact]
    public async Task Slots_TwoGpuSilosOneSlotEach_ThirdWaitsThenTakesTheSiloThatFrees()
    {
        await using var cluster = await PlatformTestCluster.StartAsync(3, ["Silo_1", "Silo_2"], allowCpuTraining: false, PlacementTests.RealData());
        await using var client = RdNasClient.Over(cluster.Client);
        await client.SubmitAsync(s_long with { Seed = 1 }, "slots-a");
        await client.SubmitAsync(s_long with { Seed = 2 }, "slots-b");
        var a = await WorkerStartTests.StatusAsync(client, "slots-a", s => s.Phase == ExperimentPhase.Training);
        var b = await WorkerStartTests.StatusAsync(client, "slots-b", s => s.Phase == ExperimentPhase.Training);

        var waiting = await client.SubmitAsync(s_long with { Seed = 3 }, "slots-c");
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken); // two watchdog ticks
        var stillWaiting = await client.GetStatusAsync("slots-c");
        await client.CancelAsync("slots-a");
        var c = await WorkerStartTests.StatusAsync(client, "slots-c", s => s.Phase == ExperimentPhase.Training);

        Assert.NotEqual(SiloName(a.Worker), SiloName(b.Worker));
        Assert.Equal(ExperimentPhase.Queued, waiting.Phase);
        Assert.Equal("waiting for a training slot: 2 of 2 in use; next in the queue", waiting.Message);
        Assert.Equal(ExperimentPhase.Queued, stillWaiting.Phase);
        Assert.Null(stillWaiting.Worker);
        Assert.Equal(SiloName(a.Worker), SiloName(c.Worker));
        await client.CancelAsync("slots-b");
        await client.CancelAsync("slots-c");
    }

    [Fact]
    public async Task Slots_SiloDeclaringTwo_TrainsTwoAtOnceAndQueuesTheThird()
    {
        await using var cluster = await PlatformTestCluster.StartAsync(1, ["Silo_0"], allowCpuTraining: false, PlacementTests.RealData(), trainingSlots: 2);
        await using var client = RdNasClient.Over(cluster.Client);
        await client.SubmitAsync(s_long with { Seed = 1 }, "two-a");
        await client.SubmitAsync(s_long with { Seed = 2 }, "two-b");

        var a = await WorkerStartTests.StatusAsync(client, "two-a", s => s.Phase == ExperimentPhase.Training);
        var b = await WorkerStartTests.StatusAsync(client, "two-b", s => s.Phase == ExperimentPhase.Training);
        var third = await client.SubmitAsync(s_long with { Seed = 3 }, "two-c");

        Assert.Equal(SiloName(a.Worker), SiloName(b.Worker));
        Assert.Equal("waiting for a training slot: 2 of 2 in use; next in the queue", third.Message);
        foreach (var id in new[] { "two-a", "two-b", "two-c" })
        {
            await client.CancelAsync(id);
        }
    }

    [Fact]
    public async Task Slots_LeaseLeftByAStoppedExperiment_ReclaimedForTheNextOne()
    {
        await using var cluster = await PlatformTestCluster.StartAsync(1, ["Silo_0"], allowCpuTraining: false, PlacementTests.RealData());
        await using var client = RdNasClient.Over(cluster.Client);
        // The only slot is held by an experiment this cluster does not know (its release was lost with its state).
        var silo = cluster.Silos[0].SiloAddress.ToParsableString();
        var ledger = new TrainingSlotsState { Leases = { ["ghost"] = new SlotLease(silo, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow) } };
        var ledgerId = cluster.Client.GetGrain<ITrainingSlotsGrain>(ITrainingSlotsGrain.Key).GetGrainId();
        await cluster.Storage().WriteStateAsync("training-slots", ledgerId, new GrainState<TrainingSlotsState>(ledger));

        await client.SubmitAsync(PlacementTests.Tiny, "after-ghost");
        var final = await PlacementTests.FinalAsync(client, "after-ghost");

        Assert.Equal(ExperimentPhase.Completed, final.Phase);
    }

    [Fact]
    public async Task Worker_StartForASlotOnAnotherSilo_RefusedThenMigratesThereOnceItsRunHasEnded()
    {
        await using var cluster = await PlatformTestCluster.StartAsync(2, ["Silo_0", "Silo_1"], allowCpuTraining: false, PlacementTests.RealData());
        var (onA, onB) = (cluster.Silos[0].SiloAddress, cluster.Silos[1].SiloAddress);
        // A worker whose experiment never submitted: its reports are ignored, its run is real.
        var worker = cluster.Client.GetGrain<ITrainingWorkerGrain>("hint-probe");
        var probe = PlacementTests.Tiny with { Subnets = 2 };
        RequestContext.Set(IPlacementDirector.PlacementHintKey, onA);
        var first = await worker.StartAsync(probe, 1);

        RequestContext.Set(IPlacementDirector.PlacementHintKey, onB);
        var whileItRuns = await worker.StartAsync(probe, 2);
        await worker.CancelAsync(); // ends the run at its next step, so the activation on Silo_0 may move
        // The client's cached address of the worker is Silo_0's: only a migration (not a deactivation) gets it to Silo_1.
        string? moved = null;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3)); // the probe's run must end first, slowly on a loaded machine
        while (moved is null)
        {
            await Task.Delay(200, timeout.Token);
            moved = await worker.StartAsync(probe, 3);
        }

        await worker.CancelAsync();
        RequestContext.Clear();

        Assert.StartsWith("Silo_0 ", first, StringComparison.Ordinal);
        Assert.Null(whileItRuns);
        Assert.StartsWith("Silo_1 ", moved, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_NoOrBadEntry_OneSlot()
    {
        Assert.Equal(1, TrainingSlotsMetadata.Of(null));
        Assert.Equal(1, TrainingSlotsMetadata.Of(SiloMetadata.Empty));
        Assert.Equal(3, TrainingSlotsMetadata.Parse(TrainingSlotsMetadata.Entry(3).Value));
        Assert.Equal(1, TrainingSlotsMetadata.Parse("lots"));
        Assert.Equal(1, TrainingSlotsMetadata.Parse("65"));
        Assert.Equal(TrainingSlotsMetadata.Key, TrainingSlotsMetadata.Entry(64).Key);
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainingSlotsMetadata.Entry(0));
    }

    // "Silo_1 (S127.0.0.1:...)" → "Silo_1"
    private static string SiloName(string? worker) => worker![..worker!.IndexOf(' ', StringComparison.Ordinal)];
}
