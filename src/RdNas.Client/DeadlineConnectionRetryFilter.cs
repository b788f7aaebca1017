namespace RdNas.Client;

/// <summary>
/// Retries a failed first connection to the cluster once a second until a deadline. Orleans' own default keeps
/// retrying for three minutes, which leaves someone who typed <c>rdnas experiments list</c> against a stopped cluster
/// looking at a silent terminal.
/// </summary>
internal sealed class DeadlineConnectionRetryFilter(TimeSpan timeout, TimeProvider time)
{
    private static readonly TimeSpan s_retryDelay = TimeSpan.FromSeconds(1);
    private readonly long _started = time.GetTimestamp();

    /// <summary>Waits a second and says to retry, unless that would pass the deadline.</summary>
    public async Task<bool> ShouldRetryAsync(Exception exception, CancellationToken cancellationToken)
    {
        if (time.GetElapsedTime(_started) + s_retryDelay > timeout)
        {
            return false;
        }

        await Task.Delay(s_retryDelay, time, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
