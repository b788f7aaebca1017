using Orleans.Runtime.Messaging;

namespace RdNas.Client;

/// <summary>
/// Sends a grain call again when no gateway connection could be made for it. A silo killed outright stays in the
/// client's gateway list until the cluster declares it dead, so a call can be routed to it; Orleans resends such a
/// call once and then fails it with <see cref="ConnectionFailedException"/>. The call never left this process, so
/// sending it again is safe for every call, submissions and cancellations included; Orleans has marked the gateway
/// dead by then, and the next try goes through one that answers.
/// </summary>
internal sealed class GatewayRetry(int attempts, TimeSpan delay, TimeProvider time)
{
    /// <summary>Ten tries a second apart: longer than a connection backoff, far shorter than a death declaration.</summary>
    public static GatewayRetry Default { get; } = new(10, TimeSpan.FromSeconds(1), TimeProvider.System);

    /// <summary>Runs <paramref name="call"/>, again after <c>delay</c> while its gateway is unreachable, at most <c>attempts</c> times.</summary>
    public async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (ConnectionFailedException) when (attempt < attempts)
            {
                await Task.Delay(delay, time).ConfigureAwait(false);
            }
        }
    }
}
