using System.Text.Json;

namespace RdNas.Integration.Tests;

/// <summary>
/// The GPU silo's way of getting libtorch: a build without the shipped CPU libtorch (<c>-p:RdNasExternalLibTorch=true</c>)
/// loading one from <c>RDNAS_LIBTORCH</c>. Without a CUDA build here, a copy of the CPU build stands in for it: the test
/// shows that every libtorch library the process maps comes from that folder (a second copy aborts the process) and
/// that such a process trains.
/// </summary>
public sealed class ExternalLibTorchTests
{
    private static readonly string[] s_libraries = ["libc10.so", "libtorch_cpu.so", "libtorch.so"];

    [Fact]
    public async Task ExternalBuild_LoadsLibtorchFromTheConfiguredFolderOnly_AndTrains()
    {
        var scratch = Directory.CreateTempSubdirectory("rdnas-external").FullName;
        try
        {
            var cli = await BuildExternalCliAsync(Path.Combine(scratch, "artifacts"));
            var folder = CopyShippedLibTorch(Path.Combine(scratch, "libtorch", "lib"));

            var (code, output, error) = await RunAsync(cli, null, "device");
            Assert.Equal(2, code);
            Assert.StartsWith("rdnas: this build ships no libtorch (built with RdNasExternalLibTorch=true, for GPU silos): set RDNAS_LIBTORCH", error, StringComparison.Ordinal);

            (code, output, error) = await RunAsync(cli, Path.Combine(scratch, "libtorch"), "device", "--format", "json"); // a distribution's root
            Assert.True(code == 0, error);
            using (var report = JsonDocument.Parse(output))
            {
                var root = report.RootElement;
                Assert.Equal(folder, root.GetProperty("libtorch_configured").GetString());
                var mapped = root.GetProperty("libraries").EnumerateArray().Select(p => p.GetString()!).ToList();
                Assert.Equal(s_libraries.Select(name => Path.Combine(folder, name)).Order(StringComparer.Ordinal), mapped);
                Assert.Equal("cpu", root.GetProperty("resolved").GetString());
                Assert.InRange(root.GetProperty("bridge_imports_found").GetInt32(), 1_000, 5_000); // every one of them
            }

            // Libraries that load but are no libtorch (another version would lack some functions the same way):
            // refused at start, not a crash at the first missing call.
            var foreign = Directory.CreateDirectory(Path.Combine(scratch, "foreign")).FullName;
            foreach (var name in s_libraries)
            {
                File.Copy(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "libSystem.Native.so"), Path.Combine(foreign, name));
            }

            (code, _, error) = await RunAsync(cli, foreign, "device");
            Assert.Equal(2, code);
            Assert.StartsWith($"rdnas: RDNAS_LIBTORCH: the libtorch in {foreign} lacks ", error, StringComparison.Ordinal);
            Assert.Contains("functions TorchSharp's bridge (", error, StringComparison.Ordinal);

            var broken = Directory.CreateDirectory(Path.Combine(scratch, "broken")).FullName;
            foreach (var name in s_libraries)
            {
                File.WriteAllBytes(Path.Combine(broken, name), []); // present, but no libraries
            }

            (code, _, error) = await RunAsync(cli, broken, "device");
            Assert.Equal(2, code);
            Assert.StartsWith($"rdnas: RDNAS_LIBTORCH: could not load {Path.Combine(broken, "libc10.so")}: ", error, StringComparison.Ordinal);

            var run = Path.Combine(scratch, "run");
            (code, _, error) = await RunAsync(cli, folder, "train", "--preset", "smoke", "--device", "cpu", "--out", run, "--teacher-cache", Path.Combine(scratch, "teachers"));
            Assert.True(code == 0, error);
            using var result = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(run, "result.json"), TestContext.Current.CancellationToken));
            Assert.Equal("cpu", result.RootElement.GetProperty("device").GetString());
            Assert.Equal(10, result.RootElement.GetProperty("subnets").GetInt32());
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    // The CLI built as a GPU silo image builds it, in its own artifacts folder (never the solution's obj folders).
    private static async Task<string> BuildExternalCliAsync(string artifacts)
    {
        var project = Path.Combine(RepositoryRoot(), "src", "RdNas.Cli", "RdNas.Cli.csproj");
        using var build = CliProcess.StartProgram(
            "dotnet", new Dictionary<string, string?>(), "build", project, "-c", "Release", "-p:RdNasExternalLibTorch=true", "--artifacts-path", artifacts, "-v", "quiet", "-nologo", "-nodeReuse:false", "--disable-build-servers");
        var (code, output, error) = await build.FinishAsync(TimeSpan.FromMinutes(8));
        Assert.True(code == 0, $"dotnet build failed: {output}{error}");
        var cli = Path.Combine(artifacts, "bin", "RdNas.Cli", "release", "rdnas");
        Assert.True(File.Exists(cli), $"no {cli}");
        Assert.False(File.Exists(Path.Combine(artifacts, "bin", "RdNas.Cli", "release", "runtimes", "linux-x64", "native", "libtorch_cpu.so")), "the external build ships libtorch");
        return cli;
    }

    // Copies, not links: a hard link would be the same file to the dynamic linker and hide a second load.
    private static string CopyShippedLibTorch(string folder)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native");
        Directory.CreateDirectory(folder);
        foreach (var file in s_libraries.Concat(Directory.GetFiles(shipped, "libgomp*").Select(Path.GetFileName)))
        {
            File.Copy(Path.Combine(shipped, file!), Path.Combine(folder, file!));
        }

        return folder;
    }

    private static async Task<(int, string, string)> RunAsync(string cli, string? libtorch, params string[] args)
    {
        using var process = CliProcess.StartProgram(cli, new Dictionary<string, string?> { ["RDNAS_LIBTORCH"] = libtorch }, args);
        return await process.FinishAsync(TimeSpan.FromMinutes(3));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "RdNas.Orleans.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException($"no RdNas.Orleans.sln above {AppContext.BaseDirectory}");
    }
}
