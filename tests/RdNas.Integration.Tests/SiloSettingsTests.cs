using System.Diagnostics;

namespace RdNas.Integration.Tests;

public sealed class SiloSettingsTests
{
    [Theory]
    [InlineData("RdNas__Silo__Role", "tpu", "rdnas-silo: RdNas:Silo:Role: unknown value 'tpu' (expected cpu or gpu)")]
    [InlineData("RdNas__Silo__SiloPort", "eleven", "rdnas-silo: Failed to convert configuration value 'eleven' at 'RdNas:Silo:SiloPort'")]
    [InlineData("RDNAS_LIBTORCH", "/nonexistent/libtorch", "rdnas-silo: RDNAS_LIBTORCH: folder /nonexistent/libtorch does not exist")]
    [InlineData("RdNas__TrainingDevice", "tpu", "rdnas-silo: unknown device 'tpu'", "RdNas__Silo__Role", "gpu")]
    [InlineData("RdNas__TrainingDevice", "cuda", "rdnas-silo: device cuda:0: CUDA is not available to this process", "RdNas__Silo__Role", "gpu")]
    public async Task Silo_BadSetting_ExitsWithOneLineNamingTheSetting(string variable, string value, string expected, string? otherVariable = null, string? otherValue = null)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "rdnas-silo"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment[variable] = value;
        if (otherVariable is not null)
        {
            start.Environment[otherVariable] = otherValue;
        }

        using var silo = Process.Start(start)!;

        var error = await silo.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await silo.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, silo.ExitCode);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)); // one line, no stack trace
    }
}
