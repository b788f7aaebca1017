using System.Diagnostics;

namespace RdNas.Bench.Tests;

/// <summary>
/// bench/onednn_kernels.py, the reader behind bench/onednn_kernels.sh, on small logs this test writes: oneDNN 2.6's
/// verbose format (PyTorch 1.13) and 3.x's (libtorch 2.10), warm-up steps dropped, a problem's median call times its
/// calls a step, and its errors.
/// </summary>
public sealed class OnednnKernelsScriptTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rdnas-onednn-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void BothLogFormats_DropTheWarmUpAndGiveEachProblemsMedianTimesItsCallsAStep()
    {
        // One warm-up and two timed steps, the convolution called twice a step: the timed calls take 1, 2, 3 and 4 ms
        // on the old side (median 2.5, so 5.0 ms a step) and 3 ms each on the new (6.0); warm-up calls take 9 ms.
        const string problem = "mb64_ic16oc16_ih32oh32kh3sh1dh0ph1_iw32ow32kw3sw1dw0pw1";
        var old = WriteLog("old.log", [9, 9, 1, 2, 3, 4], time =>
            $"onednn_verbose,exec,cpu,convolution,brgconv:avx512_core,forward_training,src_f32::blocked:acdb:f0,,alg:convolution_direct,{problem},{time}");
        var @new = WriteLog("new.log", [9, 9, 3, 3, 3, 3], time =>
            $"onednn_verbose,v1,primitive,exec,cpu,convolution,jit:avx512_core,forward_training,src:f32::blocked:acdb::f0,attr-scratchpad:user,alg:convolution_direct,{problem},{time}");

        var (exitCode, output, error) = RunScript("1", "2", $"pt={old}", $"ts={@new}");

        Assert.True(exitCode == 0, error);
        var row = Assert.Single(output.Split('\n'), line => line.StartsWith("convolution ", StringComparison.Ordinal));
        Assert.Equal(["convolution", "forward_training", problem[..48], "5.0", "brgconv:avx512_core", "6.0", "jit:avx512_core"],
            row.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("total: all oneDNN", output, StringComparison.Ordinal);
        Assert.Contains("pt=5.0 ts=6.0 ms/step", output, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingLog_StopsNamingIt()
    {
        var missing = Path.Combine(_folder, "absent.log");

        var (exitCode, _, error) = RunScript("1", "2", $"pt={missing}", $"ts={missing}");

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"cannot read the oneDNN log '{missing}'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("two", "2", "a=x", "b=y")]
    [InlineData("1", "0", "a=x", "b=y")]
    public void BadCounts_StopWithTheUsageAndWhatWasGiven(string warmup, string steps, string first, string second)
    {
        var (exitCode, _, error) = RunScript(warmup, steps, first, second);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("usage: onednn_kernels.py WARMUP STEPS NAME=LOG NAME=LOG", error, StringComparison.Ordinal);
        Assert.Contains($"given: {warmup} {steps} {first} {second}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ALogWithoutAName_StopsNamingTheArgument()
    {
        var (exitCode, _, error) = RunScript("1", "2", "a=x", "justapath.log");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("'justapath.log' is not NAME=LOG", error, StringComparison.Ordinal);
    }

    private string WriteLog(string name, double[] times, Func<double, string> line)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, ["onednn_verbose,info,oneDNN vX (test)", .. times.Select(line)]);
        return path;
    }

    private static (int ExitCode, string Output, string Error) RunScript(params string[] arguments)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "bench", "onednn_kernels.py"));
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "RdNas.Orleans.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException($"no RdNas.Orleans.sln above {AppContext.BaseDirectory}");
    }
}
