using System.Text.Json;
using RdNas.Abstractions.Experiments;
using Orleans.Runtime;
using RdNas.Client;

namespace RdNas.Integration.Tests;

/// <summary>
/// A two-silo cluster on Azurite, driven by the CLI: the silo that trains is killed with SIGKILL mid-run, and the
/// experiment finishes on the other silo from the last checkpoint in blob storage, with the result an uninterrupted
/// run gives (and the CLI's run folder holds that stored checkpoint, which scores there alike); and a silo killed
/// mid-search leaves the cells it stored to the worker that takes over.
/// </summary>
public sealed class ClusterFailoverTests
{
    // Four short epochs (16 steps each): long enough to kill the worker between checkpoints, short enough for CI.
    private static readonly string[] s_run = ["--preset", "smoke", "--epochs", "4", "--train-images", "1024", "--seed", "4", "--format", "json"];

    [Fact]
    public async Task Cluster_TrainingSiloKilledMidRun_FinishesOnTheOtherSiloFromItsCheckpoint()
    {
        var azurite = Azurite.RequireDefault();
        var clusterId = $"failover-{Guid.NewGuid():N}"[..24];
        using var first = await SiloProcess.StartAsync("gpu-a", "gpu", 11411, 30411, 9411, clusterId, azurite);
        using var second = await SiloProcess.StartAsync("gpu-b", "gpu", 11412, 30412, 9412, clusterId, azurite);
        var cluster = $"azure:{clusterId}@{azurite.ConnectionString}";
        var output = Directory.CreateTempSubdirectory("rdnas-failover").FullName;
        var id = $"failover-{clusterId}";

        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Note(string what) => TestContext.Current.TestOutputHelper?.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1} s: {what}");
        var cli = CliProcess.RunAsync(TimeSpan.FromMinutes(8), ["train", "--cluster", cluster, "--id", id, "--out", output, .. s_run]);
        await using var client = await RdNasClient.ConnectAsync(ClusterConnection.Parse(cluster), TestContext.Current.CancellationToken);
        var beforeKill = await Wait.ForAsync(
            () => client.GetStatusAsync(id), s => s.CompletedEpochs >= 1 || s.IsFinal, TimeSpan.FromMinutes(4), "a checkpointed epoch");
        Assert.Equal(ExperimentPhase.Training, beforeKill.Phase);
        Assert.True(beforeKill.CompletedEpochs < 4, $"the run must be killed mid-training, not at epoch {beforeKill.CompletedEpochs}");
        var (victim, survivor) = beforeKill.Worker!.StartsWith(first.Name, StringComparison.Ordinal) ? (first, second) : (second, first);
        Note($"epoch {beforeKill.CompletedEpochs} checkpointed on {beforeKill.Worker}; killing {victim.Name}");
        victim.KillHard();

        var (code, json, error) = await cli;
        Assert.True(code == 0, $"rdnas train failed ({code}): {error}\nsurvivor log:\n{survivor.Log}");
        Note("rdnas train finished");
        var after = await client.GetStatusAsync(id);
        Assert.Equal(ExperimentPhase.Completed, after.Phase);
        Assert.True(after.Attempts >= 2, $"the worker was started {after.Attempts} time(s)");
        Assert.StartsWith(survivor.Name, after.Worker, StringComparison.Ordinal);
        Assert.Equal("cpu", after.Device); // reported again by the survivor's worker
        Assert.InRange(after.ResumedFromEpoch ?? -1, beforeKill.CompletedEpochs, 4);
        Assert.Contains("\"resumed_from_epoch\"", json, StringComparison.Ordinal);
        // The experiment grain lives on the survivor now (it was there, or was reactivated there): it counted the restart.
        using (var http = new HttpClient())
        {
            var metrics = await http.GetStringAsync(new Uri($"http://127.0.0.1:{survivor.MetricsPort}/metrics"), TestContext.Current.CancellationToken);
            Assert.Matches("""rdnas_training_worker_starts_total\{otel_scope_name="RdNas",resumed="true"\} [1-9]""", metrics);
        }

        var uninterrupted = Directory.CreateTempSubdirectory("rdnas-uninterrupted").FullName;
        var (plainCode, _, plainError) = await CliProcess.RunAsync(TimeSpan.FromMinutes(5), ["train", "--out", uninterrupted, .. s_run]);
        Assert.True(plainCode == 0, plainError);
        Note("uninterrupted run finished");
        Assert.Equal(File.ReadAllText(Path.Combine(uninterrupted, "subnets.csv")), File.ReadAllText(Path.Combine(output, "subnets.csv")));

        // The folder holds the cluster's checkpoint from blob storage too: the supernet the survivor finished scores here alike.
        var rescored = Path.Combine(output, "rescored");
        var (evaluateCode, _, evaluateError) = await CliProcess.RunAsync(TimeSpan.FromMinutes(3), ["evaluate", "--run", output, "--out", rescored]);
        Assert.True(evaluateCode == 0, evaluateError);
        Assert.Equal(File.ReadAllText(Path.Combine(output, "subnets.csv")), File.ReadAllText(Path.Combine(rescored, "subnets.csv")));

        // Scored again on the cluster, another sample: what the same rescoring gives here, from the checkpoint it fetched.
        string[] sample = ["--subnets", "6", "--sample-seed", "1"];
        var onCluster = Path.Combine(output, "sample1-cluster");
        var (clusterCode, _, clusterError) = await CliProcess.RunAsync(TimeSpan.FromMinutes(3), ["evaluate", "--experiment", id, "--cluster", cluster, "--out", onCluster, .. sample]);
        Assert.True(clusterCode == 0, $"{clusterError}\nsurvivor log:\n{survivor.Log}");
        var (localCode, _, localError) = await CliProcess.RunAsync(TimeSpan.FromMinutes(3), ["evaluate", "--run", onCluster, "--out", Path.Combine(output, "sample1-here"), .. sample]);
        Assert.True(localCode == 0, localError);
        Assert.Equal(7, File.ReadAllLines(Path.Combine(onCluster, "subnets.csv")).Length);
        Assert.Equal(File.ReadAllText(Path.Combine(onCluster, "subnets.csv")), File.ReadAllText(Path.Combine(output, "sample1-here", "subnets.csv")));
    }

    [Fact]
    public async Task Cluster_SiloKilledMidSearch_TheOtherSiloGoesOnFromTheStoredJournal()
    {
        var azurite = Azurite.RequireDefault();
        var clusterId = $"search-{Guid.NewGuid():N}"[..24];
        using var first = await SiloProcess.StartAsync("gpu-c", "gpu", 11413, 30413, 9413, clusterId, azurite);
        using var second = await SiloProcess.StartAsync("gpu-d", "gpu", 11414, 30414, 9414, clusterId, azurite);
        await using var client = await RdNasClient.ConnectAsync(ClusterConnection.Parse($"azure:{clusterId}@{azurite.ConnectionString}"), TestContext.Current.CancellationToken);
        var id = $"search-{clusterId}";

        // A search of cheap cells (the smoke supernet): the kill lands after the journal was stored at cell 10 or 20, and
        // well before cell 150 (the status lags the worker by under a second). 150, not more: beside the other tests on
        // the 2-core CI machine a cell can take a second (600 cells once ran past the 8 minutes below).
        await client.SubmitAsync(new ExperimentSpec(Preset: "smoke", Seed: 5, Search: new ExperimentSearchSpec(Budget: 150, Seed: 2)), id);
        var searching = await Wait.ForAsync(
            () => client.GetStatusAsync(id), s => s.SearchedCells >= 21 || s.IsFinal, TimeSpan.FromMinutes(4), "21 cells searched");
        Assert.True(searching.Phase == ExperimentPhase.Searching, $"the worker must be killed mid-search, not {searching.Phase} ({searching.Message})");
        var (victim, survivor) = searching.Worker!.StartsWith(first.Name, StringComparison.Ordinal) ? (first, second) : (second, first);
        victim.KillHard();

        // Until the cluster declares the killed silo dead, calls routed to it fail: such a read counts as "not yet".
        async Task<ExperimentStatus?> StatusOrNothing()
        {
            try
            {
                return await client.GetStatusAsync(id);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException)
            {
                return null;
            }
        }

        var final = (await Wait.ForAsync(StatusOrNothing, s => s is { IsFinal: true }, TimeSpan.FromMinutes(8), "the experiment to finish on the other silo"))!;
        Assert.True(final.Phase == ExperimentPhase.Completed, $"{final.Message}\nsurvivor log:\n{survivor.Log}");
        Assert.StartsWith(survivor.Name, final.Worker, StringComparison.Ordinal);
        Assert.True(final.Attempts >= 2, $"the worker was started {final.Attempts} time(s)");
        using var search = JsonDocument.Parse((await client.GetResultAsync(id))!.SearchJson!);
        Assert.Equal(150, search.RootElement.GetProperty("evaluations").GetInt32());
        Assert.InRange(search.RootElement.GetProperty("scores_recovered").GetInt32(), 10, searching.SearchedCells);
        Assert.StartsWith("supernet of this run folder, seed 5 ", search.RootElement.GetProperty("scorer").GetString(), StringComparison.Ordinal);
    }
}
