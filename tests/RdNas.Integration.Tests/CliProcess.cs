using System.Diagnostics;

namespace RdNas.Integration.Tests;

/// <summary>The <c>rdnas</c> CLI as a child process, as a user runs it.</summary>
internal static class CliProcess
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "rdnas"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["RDNAS_DATA"] = RdNas.Tests.Shared.RealDataFolder.Find() ?? string.Empty;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start rdnas");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"rdnas {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:F0} s; stderr: {await error}");
        }

        return (process.ExitCode, await output, await error);
    }
}
