using Orleans.TestingHost;

namespace RdNas.Grains.Tests;

/// <summary>
/// One CPU silo allowed to train, shared by the tests of a collection; it takes 8 runs at once, since those tests
/// train side by side (one of them checks that a running experiment is refused as a rescoring source).
/// </summary>
public sealed class SingleSiloCluster : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Cluster = await PlatformTestCluster.StartAsync(1, [], allowCpuTraining: true, RdNas.Tests.Shared.RealDataFolder.Find(), trainingSlots: 8);

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SingleSiloTests : ICollectionFixture<SingleSiloCluster>
{
    public const string Name = "single silo";
}
