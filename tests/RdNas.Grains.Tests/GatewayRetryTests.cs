using Orleans.Runtime.Messaging;
using RdNas.Client;

namespace RdNas.Grains.Tests;

public sealed class GatewayRetryTests
{
    private static readonly GatewayRetry s_threeTries = new(3, TimeSpan.Zero, TimeProvider.System);

    [Fact]
    public async Task CallAsync_GatewayUnreachableTwice_ReturnsTheThirdTrysAnswer()
    {
        var calls = 0;

        var answer = await s_threeTries.CallAsync(() => ++calls < 3 ? throw new ConnectionFailedException("gateway gone") : Task.FromResult(calls));

        Assert.Equal(3, answer);
    }

    [Fact]
    public async Task CallAsync_GatewayNeverReachable_FailsAfterItsAttempts()
    {
        var calls = 0;

        await Assert.ThrowsAsync<ConnectionFailedException>(() => s_threeTries.CallAsync<int>(() => { calls++; throw new ConnectionFailedException("gateway gone"); }));

        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task CallAsync_CallThatReachedTheCluster_IsNotRepeated()
    {
        // A timeout or a grain's own error may come from a call the cluster already ran: sending it again is not safe.
        var calls = 0;

        await Assert.ThrowsAsync<TimeoutException>(() => s_threeTries.CallAsync<int>(() => { calls++; throw new TimeoutException(); }));

        Assert.Equal(1, calls);
    }
}
