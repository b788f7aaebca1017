using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace RdNas.Integration.Tests;

/// <summary>
/// Azurite for the tests: the one CI starts on the default ports (<see cref="RequireDefault"/>), or a private instance
/// on other ports with its own folder that a test stops and starts again (<see cref="StartPrivateAsync"/>).
/// </summary>
internal sealed partial class Azurite : IAsyncDisposable
{
    private const string HowToStart =
        "start Azurite 3.37.0 first: npm ci --prefix infra, then infra/node_modules/.bin/azurite-blob --blobHost 127.0.0.1 --skipApiVersionCheck --location /tmp/azurite & " +
        "infra/node_modules/.bin/azurite-table --tableHost 127.0.0.1 --skipApiVersionCheck --location /tmp/azurite & (.ci/run does this)";

    private readonly List<Process> _processes = [];
    private int _closed;

    private Azurite(int blobPort, int tablePort, string? folder)
    {
        BlobPort = blobPort;
        TablePort = tablePort;
        Folder = folder;
    }

    public int BlobPort { get; }

    public int TablePort { get; }

    public string? Folder { get; }

    /// <summary>The account-key connection string of the emulator's well-known development account.</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>The Azurite on the default ports; a failure saying how to start it when it is down.</summary>
    public static Azurite RequireDefault()
    {
        var azurite = new Azurite(10000, 10002, null);
        Assert.True(Listening(azurite.BlobPort) && Listening(azurite.TablePort), $"Azurite is not listening on 127.0.0.1:10000 (blob) and :10002 (table): {HowToStart}");
        return azurite;
    }

    /// <summary>A private Azurite on <paramref name="blobPort"/> and <paramref name="tablePort"/> keeping its data in <paramref name="folder"/>.</summary>
    public static async Task<Azurite> StartPrivateAsync(int blobPort, int tablePort, string folder)
    {
        var azurite = new Azurite(blobPort, tablePort, folder);
        await azurite.StartAsync();
        return azurite;
    }

    /// <summary>Starts the blob and table services again on the same folder.</summary>
    public async Task StartAsync()
    {
        var bin = Path.Combine(RepositoryRoot(), "infra", "node_modules", ".bin");
        Assert.True(File.Exists(Path.Combine(bin, "azurite-blob")), $"Azurite is not installed in infra/node_modules: {HowToStart}");
        _processes.Add(Start(Path.Combine(bin, "azurite-blob"), $"--blobHost 127.0.0.1 --blobPort {BlobPort} --skipApiVersionCheck --location {Folder}"));
        _processes.Add(Start(Path.Combine(bin, "azurite-table"), $"--tableHost 127.0.0.1 --tablePort {TablePort} --skipApiVersionCheck --location {Folder}"));
        await Wait.UntilAsync(() => Listening(BlobPort) && Listening(TablePort), TimeSpan.FromSeconds(60), "Azurite to listen");
    }

    /// <summary>
    /// Stops both services with SIGINT, the one signal on which Azurite saves its database (on SIGTERM it exits at once
    /// and loses the acknowledged writes of its last autosave interval, 5 s), and waits for them.
    /// </summary>
    public async Task StopAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                _ = Kill(process.Id, 2);
            }
        }

        // Each service prints "successfully closed" once saved; its node process lingers afterwards, so end it then.
        var expected = _processes.Count;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Volatile.Read(ref _closed) < expected && _processes.Exists(p => !p.HasExited) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
        }

        _processes.Clear();
        _closed = 0;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    internal static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "RdNas.Orleans.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("the tests run outside the repository");
    }

    private Process Start(string file, string arguments)
    {
        var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })
            ?? throw new InvalidOperationException($"could not start {file}");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("successfully closed", StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref _closed);
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
