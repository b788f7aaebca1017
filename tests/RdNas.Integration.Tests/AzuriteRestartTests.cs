using RdNas.Abstractions.Experiments;
using RdNas.Client;

namespace RdNas.Integration.Tests;

/// <summary>Azurite stopped and started again on the same folder: experiments and architectures lose nothing.</summary>
public sealed class AzuriteRestartTests
{
    private const string Arch = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";

    [Fact]
    public async Task Azurite_RestartedOnTheSameFolder_KeepsExperimentAndArchitectureState()
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-azurite").FullName;
        var clusterId = $"restart-{Guid.NewGuid():N}"[..24];
        var cluster = (Azurite a) => ClusterConnection.Parse($"azure:{clusterId}@{a.ConnectionString}");
        await using var azurite = await Azurite.StartPrivateAsync(10110, 10112, folder);

        ExperimentStatus completed;
        double flops;
        using (var silo = await SiloProcess.StartAsync("restart-gpu", "gpu", 11421, 30421, 9421, clusterId, azurite))
        {
            await using var client = await RdNasClient.ConnectAsync(cluster(azurite), TestContext.Current.CancellationToken);
            await client.SubmitAsync(new ExperimentSpec(Preset: "smoke", Epochs: 1, TrainImages: 256), "kept");
            flops = await client.GetProxyScoreAsync("nb201", Arch, "flops");
            completed = await Wait.ForAsync(() => client.GetStatusAsync("kept"), s => s.IsFinal, TimeSpan.FromMinutes(4), "the experiment to finish");
            Assert.Equal(ExperimentPhase.Completed, completed.Phase);
            Assert.NotNull(await client.GetResultAsync("kept"));
            await silo.StopAsync(); // leaves the cluster, as a stopped container does: the next silo need not wait for it
        }

        await azurite.StopAsync();
        await azurite.StartAsync();
        using (await SiloProcess.StartAsync("restart-gpu-2", "gpu", 11422, 30422, 9422, clusterId, azurite))
        {
            await using var client = await RdNasClient.ConnectAsync(cluster(azurite), TestContext.Current.CancellationToken);
            var status = await client.GetStatusAsync("kept");
            Assert.Equal(ExperimentPhase.Completed, status.Phase);
            var result = await client.GetResultAsync("kept");
            Assert.NotNull(result);
            var firstSubnet = result!.SubnetsCsv.Split('\n')[1].Split(',')[0];
            var subnet = await client.DescribeArchitectureAsync("nb201", firstSubnet);
            var arch = await client.DescribeArchitectureAsync("nb201", Arch);

            Assert.Equal(completed.Message, status.Message);
            Assert.Contains("kept", (await client.ListExperimentsAsync()).Select(e => e.Id));
            Assert.Equal(flops, arch.ProxyScores["flops"]);
            Assert.Contains("kept", subnet.SupernetScores.Select(s => s.ExperimentId));
        }
    }
}
