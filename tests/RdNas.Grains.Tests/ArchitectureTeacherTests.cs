using Microsoft.Extensions.DependencyInjection;
using RdNas.Abstractions.Experiments;
using RdNas.Client;
using RdNas.Grains.Architectures;
using RdNas.Nas.Proxies;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;

namespace RdNas.Grains.Tests;

/// <summary>On a cluster, an RD-NAS worker's teacher comes from the architecture grains, which persist each score.</summary>
public sealed class ArchitectureTeacherTests
{
    [Fact]
    public async Task RdNasExperiment_OnACluster_GathersItsTeacherFromArchitectureGrains()
    {
        await using var cluster = await PlatformTestCluster.StartAsync(1, [], allowCpuTraining: true, PlacementTests.RealData(), teachersFromGrains: true);
        await using var client = RdNasClient.Over(cluster.Client);
        var scoring = cluster.Silos[0].ServiceProvider.GetRequiredService<ProxyScoringService>();

        await client.SubmitAsync(new ExperimentSpec(Sampler: "rdnas", Teacher: "flops", Preset: "smoke", Epochs: 1, TrainImages: 256), "rdnas-grains");
        var final = await PlacementTests.FinalAsync(client, "rdnas-grains");

        Assert.Equal(ExperimentPhase.Completed, final.Phase);
        Assert.Equal(4_096, scoring.Computations); // every 4-op cell, once
        var cell = new Nb201SearchSpace(4).Enumerate().ElementAt(1234);
        var summary = await client.DescribeArchitectureAsync("nb201", cell.ToString());
        Assert.Equal(new ProxyScorer(Nb201SupernetOptions.Benchmark, 0).Score(ProxyRegistry.Get("flops"), cell), summary.ProxyScores["flops"]);
    }
}
