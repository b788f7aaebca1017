using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RdNas.Abstractions.Experiments;
using RdNas.Abstractions.Hosting;
using RdNas.Grains.Experiments;
using RdNas.Grains.Hosting;
using RdNas.Grains.Training;

namespace RdNas.Silo;

/// <summary>
/// A one-silo cluster inside the calling process, with in-memory grain state: what <c>rdnas train</c> uses without
/// <c>--cluster</c>. Its one experiment runs in a given folder, which holds the checkpoint, so running the same
/// command again resumes; it trains on the device it is given (the embedded silo allows the CPU) on free loopback ports.
/// </summary>
public sealed class EmbeddedCluster : IAsyncDisposable
{
    private readonly IHost _host;

    private EmbeddedCluster(IHost host, int gatewayPort)
    {
        _host = host;
        GatewayPort = gatewayPort;
    }

    /// <summary>The client gateway port on 127.0.0.1 (<c>--cluster localhost:PORT</c> reaches this silo).</summary>
    public int GatewayPort { get; }

    /// <summary>The co-hosted client of the silo.</summary>
    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    /// <summary>
    /// Starts a silo whose experiments run in <paramref name="runDirectory"/> on <paramref name="trainingDevice"/>
    /// (null: <c>auto</c>), reading data from <paramref name="dataDirectory"/> (null: <c>RDNAS_DATA</c>).
    /// </summary>
    /// <remarks>Teachers are read from and cached in <paramref name="teacherCache"/>, which outlives the process.</remarks>
    public static async Task<EmbeddedCluster> StartAsync(string runDirectory, string? dataDirectory, string teacherCache, string? trainingDevice, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders(); // the CLI owns the console
        EmbeddedHostLifetime.Use(builder.Services); // and its signals: Ctrl-C stops the command, which stops this silo
        var siloPort = FreePort();
        var options = new RdNasSiloOptions { Name = "embedded", SiloPort = siloPort, PrimarySiloPort = siloPort, GatewayPort = FreePort() };
        builder.Services.AddSingleton<IRunDirectories>(new FixedRunDirectory(runDirectory));
        builder.UseOrleans(silo => silo.ConfigureRdNas(options, builder.Configuration, o =>
        {
            o.DataDirectory = dataDirectory;
            o.AllowCpuTraining = true;
            o.TeacherCache = teacherCache;
            o.TrainingDevice = trainingDevice ?? o.TrainingDevice;
        }, inMemory: true));
        var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return new EmbeddedCluster(host, options.GatewayPort);
    }

    /// <summary>
    /// Checks every field of <paramref name="spec"/> as this cluster's silo checks it at submission, without starting
    /// the silo or reading data, so that a command names a wrong option before it looks for the data folder.
    /// </summary>
    /// <exception cref="InvalidExperimentSpecException">A field is invalid; the exception names it.</exception>
    public static void CheckSpec(ExperimentSpec spec) =>
        _ = new ExperimentPlanner(Options.Create(new RdNasPlatformOptions())).ValidateFields(spec);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
