using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using RdNas.Abstractions.Architectures;
using RdNas.Abstractions.Experiments;
using RdNas.Abstractions.Hosting;

namespace RdNas.Client;

/// <summary>
/// The platform's SDK: submit experiments, watch their progress, read results, query architectures. Works over any
/// <see cref="IClusterClient"/>: one it connects itself (<see cref="ConnectAsync"/>) or a co-hosted one.
/// </summary>
public sealed class RdNasClient : IAsyncDisposable
{
    private readonly IClusterClient _cluster;
    private readonly IHost? _host;

    private RdNasClient(IClusterClient cluster, IHost? host)
    {
        _cluster = cluster;
        _host = host;
    }

    /// <summary>A client over an existing cluster client (an embedded silo's, a test cluster's); disposing it leaves that client alone.</summary>
    public static RdNasClient Over(IClusterClient cluster) => new(cluster ?? throw new ArgumentNullException(nameof(cluster)), null);

    /// <summary>
    /// Connects to the cluster at <paramref name="connection"/> with Orleans' own retries (minutes: right for a
    /// long-lived client, or one that may start before its cluster).
    /// </summary>
    public static Task<RdNasClient> ConnectAsync(ClusterConnection connection, CancellationToken cancellationToken = default) =>
        ConnectAsync(connection, null, cancellationToken);

    /// <summary>
    /// Connects to the cluster at <paramref name="connection"/>, retrying for up to <paramref name="timeout"/> (null:
    /// Orleans' own retries); a cluster that does not answer by then is a <see cref="ClusterUnreachableException"/>.
    /// </summary>
    public static async Task<RdNasClient> ConnectAsync(ClusterConnection connection, TimeSpan? timeout, CancellationToken cancellationToken = default)
    {
        if (timeout is { } positive)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(positive, TimeSpan.Zero, nameof(timeout));
        }

        ArgumentNullException.ThrowIfNull(connection);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        EmbeddedHostLifetime.Use(builder.Services); // signals belong to the application using the client
        builder.UseOrleansClient(client =>
        {
            if (timeout is { } deadline)
            {
                client.UseConnectionRetryFilter(new DeadlineConnectionRetryFilter(deadline, TimeProvider.System).ShouldRetryAsync);
            }

            if (connection.IsAzure)
            {
                client.Configure<ClusterOptions>(o => o.ClusterId = connection.ClusterId!);
                client.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(connection.StorageConnectionString));
            }
            else
            {
                client.UseLocalhostClustering(connection.GatewayPort ?? ClusterConnection.DefaultGatewayPort, ClusterConnection.LocalhostClusterId, ClusterConnection.LocalhostClusterId);
            }
        });
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            host.Dispose();
            var within = timeout is { } t ? $" within {t.TotalSeconds:0} s" : "";
            throw new ClusterUnreachableException($"could not reach the cluster at {connection}{within}: {e.Message}", e);
        }

        return new RdNasClient(host.Services.GetRequiredService<IClusterClient>(), host);
    }

    /// <summary>Submits <paramref name="spec"/> as experiment <paramref name="id"/> (a new id when null); returns its first status.</summary>
    public Task<ExperimentStatus> SubmitAsync(ExperimentSpec spec, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Call(Experiment(id ?? NewExperimentId()), g => g.SubmitAsync(spec));
    }

    /// <summary>The status of experiment <paramref name="id"/>.</summary>
    public Task<ExperimentStatus> GetStatusAsync(string id) => Call(Experiment(id), g => g.GetStatusAsync());

    /// <summary>The spec of experiment <paramref name="id"/>; null if nothing was submitted under it.</summary>
    public Task<ExperimentSpec?> GetSpecAsync(string id) => Call(Experiment(id), g => g.GetSpecAsync());

    /// <summary>The result of experiment <paramref name="id"/>; null until it completes.</summary>
    public Task<ExperimentResult?> GetResultAsync(string id) => Call(Experiment(id), g => g.GetResultAsync());

    /// <summary>Cancels experiment <paramref name="id"/>.</summary>
    public Task<ExperimentStatus> CancelAsync(string id) => Call(Experiment(id), g => g.CancelAsync());

    /// <summary>Starts failed or cancelled experiment <paramref name="id"/> again from its stored checkpoint.</summary>
    public Task<ExperimentStatus> ResumeAsync(string id) => Call(Experiment(id), g => g.ResumeAsync());

    /// <summary>
    /// Deletes stopped experiment <paramref name="id"/>: its stored checkpoint, the supernet scores it recorded on
    /// architectures, list entry and state (its id is free again). A running one, the source of a running rescoring, or
    /// none is an <see cref="InvalidOperationException"/>.
    /// </summary>
    public Task DeleteAsync(string id) => Call(Experiment(id), async g =>
    {
        await g.DeleteAsync().ConfigureAwait(false);
        return true;
    });

    /// <summary>
    /// Copies the stored checkpoint archive of stopped experiment <paramref name="id"/> (a zip of its run folder's
    /// <c>checkpoint/</c> and journals, as <c>RunFolderArchive</c> packs it) to <paramref name="destination"/> in
    /// slices of at most <see cref="CheckpointChunk.MaxBytes"/>; false when none is stored (an experiment stopped
    /// before its first epoch, or a cluster that stores none). A running experiment is an <see cref="InvalidOperationException"/>.
    /// </summary>
    public async Task<bool> DownloadCheckpointAsync(string id, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var grain = Experiment(id);
        long copied = 0;
        string? version = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var offset = copied;
            var chunk = await Call(grain, g => g.ReadCheckpointAsync(offset, CheckpointChunk.MaxBytes, version)).ConfigureAwait(false);
            if (chunk is null)
            {
                return copied == 0 ? false : throw new InvalidOperationException($"the stored checkpoint of experiment '{id}' disappeared while it was being read");
            }

            await destination.WriteAsync(chunk.Bytes, cancellationToken).ConfigureAwait(false);
            copied += chunk.Bytes.Length;
            version = chunk.Version;
            if (copied >= chunk.TotalBytes || chunk.Bytes.Length == 0)
            {
                return true;
            }
        }
    }

    /// <summary>
    /// The status of experiment <paramref name="id"/> every <paramref name="interval"/> while it changes, ending with
    /// its final status. Polling rides out a lost silo: the next poll reaches the grain wherever it lives then.
    /// </summary>
    public async IAsyncEnumerable<ExperimentStatus> WatchAsync(string id, TimeSpan interval, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ExperimentStatus? last = null;
        while (true)
        {
            ExperimentStatus status;
            try
            {
                status = await GetStatusAsync(id).WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (last is null || Changed(last, status))
            {
                yield return status;
            }

            if (status.IsFinal)
            {
                yield break;
            }

            last = status;
            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Every experiment, oldest first.</summary>
    public Task<IReadOnlyList<ExperimentSummary>> ListExperimentsAsync() =>
        Call(_cluster.GetGrain<IExperimentCatalogGrain>(IExperimentCatalogGrain.Key), g => g.ListAsync());

    /// <summary>Everything the cluster knows about <paramref name="arch"/> in <paramref name="space"/>.</summary>
    public Task<ArchitectureSummary> DescribeArchitectureAsync(string space, string arch) => Call(Architecture(space, arch), g => g.DescribeAsync());

    /// <summary>The benchmark accuracy of <paramref name="arch"/> on <paramref name="dataset"/>.</summary>
    public Task<double> GetGroundTruthAsync(string space, string arch, string dataset) => Call(Architecture(space, arch), g => g.GetGroundTruthAsync(dataset));

    /// <summary>The score of <paramref name="arch"/> by <paramref name="proxy"/> (computed once, cluster-wide).</summary>
    public Task<double> GetProxyScoreAsync(string space, string arch, string proxy) => Call(Architecture(space, arch), g => g.GetProxyScoreAsync(proxy));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync().ConfigureAwait(false);
            _host.Dispose();
        }
    }

    /// <summary>A fresh experiment id: the UTC time and a random suffix, so ids sort by submission.</summary>
    public static string NewExperimentId() => $"exp-{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";

    private IExperimentGrain Experiment(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _cluster.GetGrain<IExperimentGrain>(id);
    }

    private IArchitectureGrain Architecture(string space, string arch) => _cluster.GetGrain<IArchitectureGrain>(ArchitectureKey.Of(space, arch));

    /// <summary>Every grain call goes through <see cref="GatewayRetry"/>, so a silo killed outright costs a caller a retry, not an exception.</summary>
    private static Task<T> Call<TGrain, T>(TGrain grain, Func<TGrain, Task<T>> call) => GatewayRetry.Default.CallAsync(() => call(grain));

    private static bool Changed(ExperimentStatus a, ExperimentStatus b) => a with { UpdatedUtc = b.UpdatedUtc } != b;

    private static bool IsTransient(Exception e) => e is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException;
}
