using RdNas.Abstractions.Experiments;
using RdNas.Client;

namespace RdNas.Grains.Tests;

/// <summary>
/// What an experiment does when storage refuses a write: a submission is either not made at all or completed by
/// submitting again, never half made; a later change is stored by the watchdog once storage takes it.
/// </summary>
public sealed class ExperimentStorageFaultTests
{
    private static readonly ExperimentSpec s_tiny = new(Preset: "smoke", Epochs: 1, TrainImages: 256);

    [Fact]
    public async Task Submit_ExperimentStateCannotBeWritten_NothingSubmittedAndTheNextSubmissionRuns()
    {
        await using var cluster = await PlatformTestCluster.StartAsync(1, [], allowCpuTraining: true, PlacementTests.RealData());
        await using var client = RdNasClient.Over(cluster.Client);
        cluster.Storage().FailNextWrites("experiment", 1);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.SubmitAsync(s_tiny, "state-refused"));
        var specAfterFailure = await client.GetSpecAsync("state-refused");
        await client.SubmitAsync(s_tiny, "state-refused");
        var final = await PlacementTests.FinalAsync(client, "state-refused");

        Assert.Contains("storage fault injected", error.Message, StringComparison.Ordinal);
        Assert.Null(specAfterFailure);
        Assert.Equal(ExperimentPhase.Completed, final.Phase);
        Assert.Contains("state-refused", (await client.ListExperimentsAsync()).Select(e => e.Id));
    }

    [Fact]
    public async Task Submit_SlotLedgerCannotBeWritten_SubmittedQueuedSayingWhyThenTrainsOnceItCan()
    {
        await using var cluster = await PlatformTestCluster.StartAsync(1, [], allowCpuTraining: true, PlacementTests.RealData());
        await using var client = RdNasClient.Over(cluster.Client);
        cluster.Storage().FailNextWrites("training-slots", 2); // the submission's grant and the first watchdog tick's

        var submitted = await client.SubmitAsync(s_tiny, "ledger-refused");
        var final = await PlacementTests.FinalAsync(client, "ledger-refused");

        Assert.Equal(ExperimentPhase.Queued, submitted.Phase);
        Assert.Equal("waiting for the training-slot ledger (retrying): storage fault injected into a write of 'training-slots' (trainingslots/cluster)", submitted.Message);
        Assert.Equal(ExperimentPhase.Completed, final.Phase);
        Assert.Equal(1, final.Attempts);
        Assert.Equal(2, cluster.Storage().InjectedFaults);
    }

    [Fact]
    public async Task Submit_CatalogCannotBeWritten_TheNextSubmissionListsAndRunsIt()
    {
        await using var cluster = await PlatformTestCluster.StartAsync(1, [], allowCpuTraining: true, PlacementTests.RealData());
        await using var client = RdNasClient.Over(cluster.Client);
        cluster.Storage().FailNextWrites("catalog", 1);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.SubmitAsync(s_tiny, "catalog-refused"));
        var listedAfterFailure = (await client.ListExperimentsAsync()).Select(e => e.Id).ToList();
        await client.SubmitAsync(s_tiny, "catalog-refused");
        var final = await PlacementTests.FinalAsync(client, "catalog-refused");

        Assert.Contains("storage fault injected", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("catalog-refused", listedAfterFailure);
        Assert.Equal(s_tiny, await client.GetSpecAsync("catalog-refused")); // the spec itself was stored
        Assert.Equal(ExperimentPhase.Completed, final.Phase);
        Assert.Contains("catalog-refused", (await client.ListExperimentsAsync()).Select(e => e.Id));
    }

    [Fact]
    public async Task Cancel_StateCannotBeWritten_StoredAtALaterWatchdogTick()
    {
        // No silo may train, so the experiment waits queued and writes nothing more until it is cancelled.
        await using var cluster = await PlatformTestCluster.StartAsync(1, [], allowCpuTraining: false, PlacementTests.RealData());
        await using var client = RdNasClient.Over(cluster.Client);
        await client.SubmitAsync(s_tiny, "cancel-refused");
        cluster.Storage().FailNextWrites("experiment", 1);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.CancelAsync("cancel-refused"));
        var afterFailure = await client.GetStatusAsync("cancel-refused");
        var final = await PlacementTests.FinalAsync(client, "cancel-refused");

        Assert.Contains("storage fault injected", error.Message, StringComparison.Ordinal);
        Assert.Equal(ExperimentPhase.Queued, afterFailure.Phase); // clients see only what is stored
        Assert.Equal(ExperimentPhase.Cancelled, final.Phase);
        Assert.Equal("cancelled on request", final.Message);
    }

    [Fact]
    public async Task Report_StateCannotBeWrittenWhileTraining_RunStillCompletes()
    {
        await using var cluster = await PlatformTestCluster.StartAsync(1, [], allowCpuTraining: true, PlacementTests.RealData());
        await using var client = RdNasClient.Over(cluster.Client);
        await client.SubmitAsync(s_tiny with { Epochs = 2 }, "report-refused");
        await WorkerStartTests.StatusAsync(client, "report-refused", s => s.Phase == ExperimentPhase.Training);
        cluster.Storage().FailNextWrites("experiment", 1); // the next write: a checkpoint report or the end of the run

        var final = await PlacementTests.FinalAsync(client, "report-refused");

        Assert.Equal(1, cluster.Storage().InjectedFaults);
        Assert.Equal(ExperimentPhase.Completed, final.Phase);
        Assert.NotNull(await client.GetResultAsync("report-refused"));
    }
}
