using RdNas.Client;
using RdNas.Nas.Runs;
using RdNas.Silo;

namespace RdNas.Cli.Commands;

/// <summary>
/// The SDK client a command talks to: a running cluster's (<c>--cluster</c>), or that of a one-silo cluster started
/// in this process for the command (the embedded default), which it stops when disposed.
/// </summary>
internal sealed class PlatformSession : IAsyncDisposable
{
    private readonly EmbeddedCluster? _embedded;

    private PlatformSession(RdNasClient client, EmbeddedCluster? embedded)
    {
        Client = client;
        _embedded = embedded;
    }

    public RdNasClient Client { get; }

    /// <summary>Whether the cluster lives in this process (and ends with the command).</summary>
    public bool IsEmbedded => _embedded is not null;

    /// <summary>
    /// Connects to <paramref name="cluster"/> (for up to <paramref name="connectTimeout"/>, else with Orleans' own
    /// retries), or starts an embedded silo whose experiment runs in <paramref name="runDirectory"/> on
    /// <paramref name="trainingDevice"/> (null: <c>auto</c>); a running cluster's silos choose their own device.
    /// </summary>
    public static async Task<PlatformSession> OpenAsync(
        string? cluster, string runDirectory, string? data, string? teacherCache, string? trainingDevice, TimeSpan? connectTimeout, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(cluster))
        {
            if (trainingDevice is not null)
            {
                throw new ArgumentException("--device applies to the embedded cluster; a running cluster's silos train on their own RdNas:TrainingDevice");
            }

            return new PlatformSession(await RdNasClient.ConnectAsync(ClusterConnection.Parse(cluster), connectTimeout, cancellationToken).ConfigureAwait(false), null);
        }

        var embedded = await EmbeddedCluster.StartAsync(runDirectory, data, teacherCache ?? TrainingRunSpec.DefaultTeacherCache, trainingDevice, cancellationToken).ConfigureAwait(false);
        return new PlatformSession(RdNasClient.Over(embedded.Client), embedded);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync().ConfigureAwait(false);
        if (_embedded is not null)
        {
            await _embedded.DisposeAsync().ConfigureAwait(false);
        }
    }
}
