using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RdNas.Nas.Tests;

/// <summary>
/// What the build leaves in a test's output folder (Directory.Build.props and .targets): package files linked from the
/// NuGet cache rather than copied (nine copies of libtorch filled a CI disk), and TorchSharp's native library as a
/// private, patched file whose GLIBCXX_3.4.32 requirement is weak, while the cache's original stays untouched.
/// </summary>
public sealed partial class BuildOutputTests
{
    private const string LibTorchSharp = "libLibTorchSharp.so";
    private const string LibtorchCpu = "libtorch_cpu.so";

    private static string NativeFolder => Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native");

    [Fact]
    public void Libtorch_IsLinkedFromTheNuGetCache()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the native libraries checked here are Linux's");
        var libtorch = new FileInfo(Path.Combine(NativeFolder, LibtorchCpu));

        Assert.NotNull(libtorch.LinkTarget);
        Assert.True(File.Exists(libtorch.ResolveLinkTarget(returnFinalTarget: true)!.FullName));
    }

    [Fact]
    public void LibTorchSharp_IsAPatchedPrivateFileAndTheCacheCopyIsUntouched()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the native libraries checked here are Linux's");
        var output = new FileInfo(Path.Combine(NativeFolder, LibTorchSharp));
        var cached = CachedTorchSharpLibrary();

        Assert.Null(output.LinkTarget);
        Assert.Equal("WEAK", VersionRequirementFlags(output.FullName, "GLIBCXX_3.4.32"));
        Assert.Equal("none", VersionRequirementFlags(cached, "GLIBCXX_3.4.32"));
    }

    /// <summary>The TorchSharp package's own library, found beside the libtorch package the output links to.</summary>
    private static string CachedTorchSharpLibrary()
    {
        var libtorch = new FileInfo(Path.Combine(NativeFolder, LibtorchCpu)).ResolveLinkTarget(returnFinalTarget: true)!.FullName;
        var packages = libtorch[..libtorch.IndexOf("/libtorch-cpu-linux-x64/", StringComparison.Ordinal)];
        var torchSharp = Directory.GetDirectories(Path.Combine(packages, "torchsharp")).Single();
        return Path.Combine(torchSharp, "runtimes", "linux-x64", "native", LibTorchSharp);
    }

    /// <summary>The flags binutils' readelf prints for one version requirement of a shared library.</summary>
    private static string VersionRequirementFlags(string library, string version)
    {
        var start = new ProcessStartInfo("readelf", ["-V", "-W", library]) { RedirectStandardOutput = true };
        using var readelf = Process.Start(start) ?? throw new InvalidOperationException("readelf (binutils) did not start");
        var text = readelf.StandardOutput.ReadToEnd();
        readelf.WaitForExit();
        Assert.Equal(0, readelf.ExitCode);
        var match = RequirementLine().Matches(text).SingleOrDefault(m => m.Groups["name"].Value == version);
        Assert.True(match is not null, $"{library} has no version requirement {version}");
        return match.Groups["flags"].Value;
    }

    [GeneratedRegex(@"Name: (?<name>\S+)\s+Flags: (?<flags>\S+)")]
    private static partial Regex RequirementLine();
}
