using System.Diagnostics;

namespace RdNas.Integration.Tests;

/// <summary>
/// An <c>rdnas-silo</c> child process on Azure storage and Azure Table clustering, with its own scratch folder (as if
/// on its own machine: a checkpoint reaches another silo only through blob storage). Its log is kept for failures.
/// </summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly LoggedProcess _process;

    private SiloProcess(string name, LoggedProcess process, int gatewayPort, int metricsPort, string workDirectory)
    {
        Name = name;
        WorkDirectory = workDirectory;
        _process = process;
        GatewayPort = gatewayPort;
        MetricsPort = metricsPort;
    }

    public string Name { get; }

    public int GatewayPort { get; }

    /// <summary>The port of the silo's Prometheus endpoint (<c>http://127.0.0.1:PORT/metrics</c>).</summary>
    public int MetricsPort { get; }

    public string Log => _process.Log;

    /// <summary>The silo's scratch folder (<c>RdNas:WorkDirectory</c>): its workers' run folders are under <c>experiments/</c>.</summary>
    public string WorkDirectory { get; }

    public static async Task<SiloProcess> StartAsync(string name, string role, int siloPort, int gatewayPort, int metricsPort, string clusterId, Azurite azurite)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "rdnas-silo"));
        var work = Directory.CreateTempSubdirectory($"rdnas-{name}").FullName;
        var settings = new Dictionary<string, string>
        {
            ["RdNas__Silo__Name"] = name,
            ["RdNas__Silo__Role"] = role,
            ["RdNas__Silo__Clustering"] = "azure-table",
            ["RdNas__Silo__StorageConnectionString"] = azurite.ConnectionString,
            ["RdNas__Silo__ClusterId"] = clusterId,
            ["RdNas__Silo__ServiceId"] = clusterId,
            ["RdNas__Silo__Address"] = "127.0.0.1",
            ["RdNas__Silo__SiloPort"] = $"{siloPort}",
            ["RdNas__Silo__GatewayPort"] = $"{gatewayPort}",
            ["RdNas__Silo__MetricsPort"] = $"{metricsPort}",
            ["RdNas__WorkDirectory"] = work,
            ["RdNas__WatchdogInterval"] = "00:00:02",
            ["RDNAS_DATA"] = RdNas.Tests.Shared.RealDataFolder.Find() ?? string.Empty,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var silo = new SiloProcess(name, new LoggedProcess(start), gatewayPort, metricsPort, work);
        await Wait.UntilAsync(() => silo._process.HasExited || Azurite.Listening(gatewayPort), TimeSpan.FromSeconds(90), $"silo {name} to open its gateway");
        Assert.False(silo._process.HasExited, $"silo {name} exited at start:\n{silo.Log}");
        return silo;
    }

    /// <summary>
    /// SIGTERM, as <c>docker stop</c> sends: the silo shuts down and marks itself dead in the membership table, so a
    /// silo started later joins at once. After a SIGKILL the table still lists the silo as active, and a new silo's join
    /// waits until that entry goes stale (over two minutes with Orleans' default I-am-alive timing).
    /// </summary>
    public Task StopAsync() => _process.StopAsync(TimeSpan.FromMinutes(1));

    /// <summary>SIGKILL: the silo gets no chance to hand anything over.</summary>
    public void KillHard() => _process.Kill();

    public void Dispose() => _process.Dispose();
}
