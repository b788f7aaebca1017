using Orleans.TestingHost;

namespace RdNas.Grains.Tests;

/// <summary>One CPU silo allowed to train, shared by the tests of a collection.</summary>
public sealed class SingleSiloCluster : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Cluster = await PlatformTestCluster.StartAsync(1, [], allowCpuTraining: true, RdNas.Tests.Shared.RealDataFolder.Find());

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SingleSiloTests : ICollectionFixture<SingleSiloCluster>
{
    public const string Name = "single silo";
}
