using System.Diagnostics;
using System.Text;

namespace RdNas.Integration.Tests;

/// <summary>
/// An <c>rdnas-silo</c> child process on Azure storage and Azure Table clustering, with its own scratch folder (as if
/// on its own machine: a checkpoint reaches another silo only through blob storage). Its log is kept for failures.
/// </summary>
internal sealed class SiloProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private SiloProcess(string name, Process process, int gatewayPort)
    {
        Name = name;
        _process = process;
        GatewayPort = gatewayPort;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int GatewayPort { get; }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<SiloProcess> StartAsync(string name, string role, int siloPort, int gatewayPort, string clusterId, Azurite azurite)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "rdnas-silo"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
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
            ["RdNas__WorkDirectory"] = Directory.CreateTempSubdirectory($"rdnas-{name}").FullName,
            ["RdNas__WatchdogInterval"] = "00:00:02",
            ["RDNAS_DATA"] = RdNas.Tests.Shared.RealDataFolder.Find() ?? string.Empty,
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var silo = new SiloProcess(name, Process.Start(start) ?? throw new InvalidOperationException("could not start rdnas-silo"), gatewayPort);
        await Wait.UntilAsync(() => silo._process.HasExited || Azurite.Listening(gatewayPort), TimeSpan.FromSeconds(90), $"silo {name} to open its gateway");
        Assert.False(silo._process.HasExited, $"silo {name} exited at start:\n{silo.Log}");
        return silo;
    }

    /// <summary>SIGKILL: the silo gets no chance to hand anything over.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
