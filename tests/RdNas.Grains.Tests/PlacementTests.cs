using RdNas.Abstractions.Experiments;
using RdNas.Client;
using RdNas.Grains.Experiments;

namespace RdNas.Grains.Tests;

/// <summary>Training workers go only to silos that declare an accelerator, or wait and say so.</summary>
public sealed class PlacementTests
{
    // A run of a few seconds: one epoch of 256 images, the smoke evaluation.
    internal static readonly ExperimentSpec Tiny = new(Preset: "smoke", Epochs: 1, TrainImages: 256);

    [Fact]
    public async Task Placement_OneGpuSiloAmongThree_EveryWorkerLandsOnIt()
    {
        await using var cluster = await PlatformTestCluster.StartAsync(3, ["Silo_1"], allowCpuTraining: false, RealData());
        await using var client = RdNasClient.Over(cluster.Client);

        var ids = new[] { "place-a", "place-b", "place-c" };
        foreach (var id in ids)
        {
            await client.SubmitAsync(Tiny with { Seed = ids.ToList().IndexOf(id) }, id);
        }

        foreach (var id in ids)
        {
            var final = await FinalAsync(client, id);
            Assert.Equal(ExperimentPhase.Completed, final.Phase);
            Assert.StartsWith("Silo_1 ", final.Worker, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Placement_NoGpuSilo_ExperimentWaitsSayingWhyUntilOneJoins()
    {
        await using var cluster = await PlatformTestCluster.StartAsync(1, ["Silo_1"], allowCpuTraining: false, RealData());
        await using var client = RdNasClient.Over(cluster.Client);

        var queued = await client.SubmitAsync(Tiny, "wait-for-gpu");
        Assert.Equal(ExperimentPhase.Queued, queued.Phase);
        Assert.Contains("rdnas.accelerator", queued.Message, StringComparison.Ordinal);
        Assert.Null(queued.Worker);
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.Equal(ExperimentPhase.Queued, (await client.GetStatusAsync("wait-for-gpu")).Phase);

        await cluster.StartAdditionalSiloAsync(); // named Silo_1: declares the accelerator
        var final = await FinalAsync(client, "wait-for-gpu");

        Assert.Equal(ExperimentPhase.Completed, final.Phase);
        Assert.StartsWith("Silo_1 ", final.Worker, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Placement_NoSiloMayTrain_QueuedExperimentCanBeCancelled()
    {
        await using var cluster = await PlatformTestCluster.StartAsync(1, [], allowCpuTraining: false, RealData());
        await using var client = RdNasClient.Over(cluster.Client);
        await client.SubmitAsync(Tiny, "cancel-while-waiting");

        var cancelled = await client.CancelAsync("cancel-while-waiting");

        Assert.Equal(ExperimentPhase.Cancelled, cancelled.Phase);
        Assert.Equal(0, cancelled.Attempts);
    }

    [Fact]
    public async Task Placement_OnlyGpuSiloStopsMidRun_ExperimentWaitsSayingWhyAndCanBeCancelled()
    {
        const string id = "gpu-silo-lost";
        await using var cluster = await PlatformTestCluster.StartAsync(1, ["Silo_1"], allowCpuTraining: false, RealData());
        await using var client = RdNasClient.Over(cluster.Client);
        await client.SubmitAsync(Tiny with { Epochs = 500 }, id); // queued on Silo_0, the only silo: its grain stays there
        var gpu = await cluster.StartAdditionalSiloAsync(); // named Silo_1: declares the accelerator
        await WorkerStartTests.StatusAsync(client, id, s => s.Phase == ExperimentPhase.Training);

        await cluster.StopSiloAsync(gpu, TestContext.Current.CancellationToken);
        var waiting = await WorkerStartTests.StatusAsync(client, id, s => s.Phase != ExperimentPhase.Training);
        var cancelled = await client.CancelAsync(id);

        Assert.Equal(ExperimentPhase.Queued, waiting.Phase);
        Assert.Contains("rdnas.accelerator", waiting.Message, StringComparison.Ordinal);
        Assert.Null(waiting.Worker);
        Assert.Equal(ExperimentPhase.Cancelled, cancelled.Phase);
    }

    [Fact]
    public async Task Placement_TrainingSiloGoneAndNoneMayTrain_CancelledBeforeTheWatchdogNotices()
    {
        const string id = "cancel-after-silo-lost";
        await using var cluster = await PlatformTestCluster.StartAsync(1, [], allowCpuTraining: false, RealData());
        await using var client = RdNasClient.Over(cluster.Client);
        // As an experiment whose grain and worker were both on a silo now gone: it reactivates believing it trains.
        var training = new ExperimentState
        {
            Spec = Tiny, Phase = ExperimentPhase.Training, Message = "training started", Epochs = 1, Attempts = 1, Worker = "Silo_9 (gone)",
        };
        var grainId = cluster.Client.GetGrain<IExperimentGrain>(id).GetGrainId();
        await cluster.Storage().WriteStateAsync("experiment", grainId, new GrainState<ExperimentState>(training));

        var cancelled = await client.CancelAsync(id); // its activation's first call: the watchdog's first tick is a second away

        Assert.Equal(ExperimentPhase.Cancelled, cancelled.Phase);
        Assert.Equal("cancelled on request", cancelled.Message);
    }

    [Fact]
    public async Task Placement_NoGpuSiloButCpuAllowed_TrainsOnACpuSilo()
    {
        await using var cluster = await PlatformTestCluster.StartAsync(1, [], allowCpuTraining: true, RealData());
        await using var client = RdNasClient.Over(cluster.Client);

        await client.SubmitAsync(Tiny, "cpu-allowed");
        var final = await FinalAsync(client, "cpu-allowed");

        Assert.Equal(ExperimentPhase.Completed, final.Phase);
        Assert.StartsWith("Silo_0 ", final.Worker, StringComparison.Ordinal);
        Assert.Equal("cpu", final.Device); // the worker's resolved device, persisted with the status
        var result = await client.GetResultAsync("cpu-allowed");
        Assert.NotNull(result);
        Assert.Contains("\"kendall_tau\"", result.ResultJson, StringComparison.Ordinal);
        Assert.Contains("\"device\": \"cpu\"", result.ResultJson, StringComparison.Ordinal); // auto, without CUDA
    }

    [Fact]
    public async Task Placement_GpuSiloWhoseCudaIsMissing_FailsTheExperimentSayingWhy()
    {
        await using var cluster = await PlatformTestCluster.StartAsync(1, ["Silo_0"], allowCpuTraining: false, RealData(), trainingDevice: "cuda");
        await using var client = RdNasClient.Over(cluster.Client);

        await client.SubmitAsync(Tiny, "no-cuda");
        var final = await FinalAsync(client, "no-cuda");

        Assert.Equal(ExperimentPhase.Failed, final.Phase);
        Assert.Contains("device cuda:0: CUDA is not available to this process", final.Message, StringComparison.Ordinal);
    }

    internal static string RealData()
    {
        var data = RdNas.Tests.Shared.RealDataFolder.Find();
        Assert.False(string.IsNullOrWhiteSpace(data), "this test trains on the real data: set RDNAS_DATA to the shared data folder (CI uses ../shared/data)");
        return data!;
    }

    /// <summary>Follows experiment <paramref name="id"/> until <paramref name="reached"/> holds (or it stops).</summary>
    internal static async Task WaitForAsync(RdNasClient client, string id, Func<ExperimentStatus, bool> reached)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await foreach (var status in client.WatchAsync(id, TimeSpan.FromMilliseconds(100), timeout.Token))
        {
            if (reached(status))
            {
                return;
            }
        }
    }

    internal static async Task<ExperimentStatus> FinalAsync(RdNasClient client, string id)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        ExperimentStatus? last = null;
        await foreach (var status in client.WatchAsync(id, TimeSpan.FromMilliseconds(200), timeout.Token))
        {
            last = status;
        }

        return last!;
    }
}
