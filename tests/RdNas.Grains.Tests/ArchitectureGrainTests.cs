using Microsoft.Extensions.DependencyInjection;
using RdNas.Abstractions.Architectures;
using RdNas.Client;
using RdNas.Grains.Architectures;
using RdNas.Nas.Data;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Proxies;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.SearchSpaces.ResNet48;

namespace RdNas.Grains.Tests;

[Collection(SingleSiloTests.Name)]
public sealed class ArchitectureGrainTests(SingleSiloCluster fixture)
{
    private const string Resnetish = "|nor_conv_3x3~0|+|nor_conv_3x3~0|skip_connect~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    private RdNasClient Client => RdNasClient.Over(fixture.Cluster.Client);

    [Fact]
    public async Task GroundTruth_KnownCell_EqualsTheBenchmarkTable()
    {
        var table = Nb201GroundTruth.Load(new DataDirectory(PlacementTests.RealData()));

        var accuracy = await Client.GetGroundTruthAsync("nb201", Resnetish, "cifar10_valid");

        Assert.Equal(table.Lookup(Nb201Genotype.Parse(Resnetish), "cifar10_valid"), accuracy);
    }

    [Theory]
    [InlineData("nb201", "|conv5x5~0|+|nor_conv_3x3~0|skip_connect~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|", "unknown op 'conv5x5'")]
    [InlineData("nb201", "|nor_conv_3x3~0|+|nor_conv_3x3~0|skip_connect~1|", "node")]
    [InlineData("darts", Resnetish, "unknown space 'darts'")]
    public async Task ArchitectureKey_Invalid_RefusedWithTheParsersError(string space, string arch, string message)
    {
        var error = await Assert.ThrowsAsync<ArchitectureRejectedException>(() => Client.GetGroundTruthAsync(space, arch, "cifar10_valid"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GroundTruth_UnknownDataset_NamesTheColumns()
    {
        var error = await Assert.ThrowsAsync<ArchitectureRejectedException>(() => Client.GetGroundTruthAsync("nb201", Resnetish, "cifar11"));

        Assert.Contains("cifar10_valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyScore_ConcurrentFirstRequests_ComputedOnceAndPersisted()
    {
        const string arch = "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|nor_conv_3x3~2|";
        var scoring = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<ProxyScoringService>();
        var before = scoring.Computations;

        var scores = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Client.GetProxyScoreAsync("nb201", arch, "flops")));

        Assert.Equal(1, scoring.Computations - before);
        Assert.All(scores, s => Assert.Equal(scores[0], s));
        Assert.True(scores[0] > 0, "FLOPs of a cell with convolutions are positive");
        var summary = await Client.DescribeArchitectureAsync("nb201", arch);
        Assert.Equal(scores[0], summary.ProxyScores["flops"]);
    }

    [Theory]
    [InlineData("synflo", "unknown proxy 'synflo'")]
    [InlineData("ensemble:flops+params", "ask for its members")]
    public async Task ProxyScore_UnknownOrEnsemble_Refused(string proxy, string message)
    {
        var error = await Assert.ThrowsAsync<ArchitectureRejectedException>(() => Client.GetProxyScoreAsync("nb201", Resnetish, proxy));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SupernetScores_RecordedTwiceByOneExperiment_KeepTheLatest()
    {
        const string arch = "|skip_connect~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|nor_conv_3x3~2|";
        var grain = fixture.Cluster.Client.GetGrain<IArchitectureGrain>(ArchitectureKey.Of("nb201", arch));

        await grain.RecordSupernetScoreAsync(new SupernetScore("exp-1", 0.40, DateTimeOffset.UnixEpoch));
        await grain.RecordSupernetScoreAsync(new SupernetScore("exp-2", 0.50, DateTimeOffset.UnixEpoch.AddDays(1)));
        await grain.RecordSupernetScoreAsync(new SupernetScore("exp-1", 0.45, DateTimeOffset.UnixEpoch.AddDays(2)));
        var summary = await grain.DescribeAsync();

        Assert.Equal([("exp-2", 0.50), ("exp-1", 0.45)], summary.SupernetScores.Select(s => (s.ExperimentId, s.Accuracy)));
        Assert.Contains("cifar10_valid", summary.GroundTruth.Keys);
    }

    [Fact]
    public async Task SupernetScores_ForgottenForOneExperiment_OthersStay()
    {
        const string arch = "|nor_conv_1x1~0|+|skip_connect~0|nor_conv_1x1~1|+|nor_conv_1x1~0|skip_connect~1|nor_conv_3x3~2|";
        var grain = fixture.Cluster.Client.GetGrain<IArchitectureGrain>(ArchitectureKey.Of("nb201", arch));
        await grain.RecordSupernetScoreAsync(new SupernetScore("kept", 0.40, DateTimeOffset.UnixEpoch));
        await grain.RecordSupernetScoreAsync(new SupernetScore("deleted", 0.50, DateTimeOffset.UnixEpoch.AddDays(1)));

        await grain.ForgetSupernetScoreAsync("deleted");
        await grain.ForgetSupernetScoreAsync("never-recorded");
        var summary = await grain.DescribeAsync();

        Assert.Equal([("kept", 0.40)], summary.SupernetScores.Select(s => (s.ExperimentId, s.Accuracy)));
    }

    [Fact]
    public async Task ResNet48_StandaloneArchitecture_GroundTruthAndProxiesOnItsOwnNetwork()
    {
        const string arch1 = "1252233313000000223212122253130000000000006515000000";
        var genotype = ResNet48Genotype.Parse(arch1);
        var scoring = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<ProxyScoringService>();
        var before = scoring.Computations;

        var accuracy = await Client.GetGroundTruthAsync("resnet48", arch1, "imagenet_standalone");
        var flops = await Client.GetProxyScoreAsync("resnet48", arch1, "flops");
        var synflow = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Client.GetProxyScoreAsync("resnet48", arch1, " synflow")));
        var summary = await Client.DescribeArchitectureAsync("resnet48", arch1);

        Assert.Equal(70.4, accuracy, 6);
        Assert.Equal(ResNet48CostModel.Mflops(genotype), flops);
        Assert.Equal(new ResNet48ProxyScorer(["synflow"], scoring.ResNet48Side, ProxyScoringService.Seed).Score(genotype)[0], synflow[0]);
        Assert.All(synflow, s => Assert.Equal(synflow[0], s));
        Assert.Equal(2, scoring.Computations - before);
        Assert.Equal(("resnet48", arch1), (summary.Space, summary.Arch));
        Assert.Equal(["imagenet_standalone"], summary.GroundTruth.Keys);
        Assert.Equal(["flops", "synflow"], summary.ProxyScores.Keys);
    }

    [Theory]
    [InlineData("1252233313000000223212122253130000000000006515000009", "imagenet_standalone", "flops", "'09' in an unused block")]
    [InlineData("1252233313000000223212122253130000000000006515000000", "cifar10_valid", "flops", "no ground-truth dataset 'cifar10_valid' for resnet48 (datasets: imagenet_standalone)")]
    [InlineData("1222211111000000111100000011110000000000001111000000", "imagenet_standalone", "flops", "has no stand-alone accuracy (only Track 1's arch1..arch30 have one)")]
    [InlineData("1252233313000000223212122253130000000000006515000000", "imagenet_standalone", "nwot", "proxy 'nwot' needs real images, and resnet48's are ImageNet's")]
    public async Task ResNet48_WhatTheSpaceCannotAnswer_RefusedSayingWhy(string arch, string dataset, string proxy, string message)
    {
        var error = await Assert.ThrowsAnyAsync<ArchitectureRejectedException>(async () =>
        {
            await Client.GetGroundTruthAsync("resnet48", arch, dataset);
            await Client.GetProxyScoreAsync("resnet48", arch, proxy);
        });

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
