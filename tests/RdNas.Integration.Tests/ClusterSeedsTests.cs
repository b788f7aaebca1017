using RdNas.Abstractions.Experiments;
using RdNas.Client;

namespace RdNas.Integration.Tests;

/// <summary>
/// <c>rdnas train --seeds</c> on a two-silo cluster with one training slot each: both seeds train at once, one on each
/// silo, each comes home as a run folder with its checkpoint, and each scores its subnets exactly as the same seed
/// trained here by the embedded cluster (one seed after the other) does; the silos keep no run folder afterwards, and
/// a seed's experiment is deleted from Azure storage.
/// </summary>
public sealed class ClusterSeedsTests
{
    private static readonly string[] s_run = ["--preset", "smoke", "--train-images", "256", "--subnets", "5", "--seeds", "0-1"];

    [Fact]
    public async Task Cluster_TwoSeeds_TrainSideBySideOnTheTwoSilosAndScoreAsTrainedHere()
    {
        var azurite = Azurite.RequireDefault();
        var clusterId = $"seeds-{Guid.NewGuid():N}"[..24];
        using var first = await SiloProcess.StartAsync("gpu-e", "gpu", 11415, 30415, 9415, clusterId, azurite);
        using var second = await SiloProcess.StartAsync("gpu-f", "gpu", 11416, 30416, 9416, clusterId, azurite);
        var cluster = $"azure:{clusterId}@{azurite.ConnectionString}";
        var output = Directory.CreateTempSubdirectory("rdnas-seeds-cluster").FullName;
        var prefix = $"seeds-{clusterId}";

        var (code, text, error) = await CliProcess.RunAsync(TimeSpan.FromMinutes(5), ["train", "--cluster", cluster, "--id", prefix, "--out", output, .. s_run]);

        Assert.True(code == 0, $"rdnas train --seeds failed ({code}): {error}\n{text}\nsilo logs:\n{first.Log}\n{second.Log}");
        Assert.Contains("2 of 2 runs completed", text, StringComparison.Ordinal);
        await using var client = await RdNasClient.ConnectAsync(ClusterConnection.Parse(cluster), TestContext.Current.CancellationToken);
        var statuses = new[] { await client.GetStatusAsync($"{prefix}-s0"), await client.GetStatusAsync($"{prefix}-s1") };
        Assert.All(statuses, s => Assert.Equal(ExperimentPhase.Completed, s.Phase));
        Assert.NotEqual(SiloName(statuses[0].Worker), SiloName(statuses[1].Worker)); // one slot each: one seed on each silo
        foreach (var silo in new[] { first, second })
        {
            // The checkpoint lives in blob storage: a worker leaves nothing on its silo's disk once its run has ended.
            var left = Path.Combine(silo.WorkDirectory, "experiments");
            Assert.True(!Directory.Exists(left) || Directory.GetFileSystemEntries(left).Length == 0, $"{silo.Name} kept {string.Join(", ", Directory.GetFileSystemEntries(left))}");
        }

        foreach (var seed in new[] { "s0", "s1" })
        {
            Assert.True(File.Exists(Path.Combine(output, seed, "result.json")), seed);
            Assert.True(Directory.Exists(Path.Combine(output, seed, "checkpoint")), $"{seed}: the cluster's checkpoint comes home too");
        }

        // Deleted on Azure storage: the blob checkpoint and the table state go, and the id takes a new spec.
        var (deleteCode, _, deleteError) = await CliProcess.RunAsync(TimeSpan.FromMinutes(1), ["experiments", "delete", $"{prefix}-s0", "--cluster", cluster]);
        Assert.True(deleteCode == 0, deleteError);
        Assert.Null(await client.GetSpecAsync($"{prefix}-s0"));
        Assert.DoesNotContain(await client.ListExperimentsAsync(), e => e.Id == $"{prefix}-s0");
        await client.SubmitAsync(new ExperimentSpec(Preset: "smoke", TrainImages: 256, Subnets: 5, Seed: 7), $"{prefix}-s0");
        await client.CancelAsync($"{prefix}-s0");

        var local = Directory.CreateTempSubdirectory("rdnas-seeds-local").FullName;
        var (localCode, _, localError) = await CliProcess.RunAsync(TimeSpan.FromMinutes(5), ["train", "--out", local, .. s_run]);
        Assert.True(localCode == 0, localError);
        foreach (var seed in new[] { "s0", "s1" })
        {
            Assert.Equal(File.ReadAllText(Path.Combine(local, seed, "subnets.csv")), File.ReadAllText(Path.Combine(output, seed, "subnets.csv")));
        }
    }

    // "gpu-e (S127.0.0.1:...)" → "gpu-e"
    private static string SiloName(string? worker) => worker![..worker!.IndexOf(' ', StringComparison.Ordinal)];
}
