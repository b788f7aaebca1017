using System.Text.Json;
using RdNas.Cli;
using static TorchSharp.torch;

namespace RdNas.Cli.Tests;

public sealed class DeviceCommandTests
{
    [Fact]
    public async Task Device_Default_ShowsTheLibtorchInUseAndResolvesAuto()
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("device", "--format", "json");

        Assert.Equal(ExitCodes.Success, code);
        using var report = JsonDocument.Parse(cli.Output);
        var root = report.RootElement;
        Assert.Equal("0.107.0", root.GetProperty("torchsharp").GetString());
        Assert.StartsWith("CPU build from ", root.GetProperty("libtorch").GetString(), StringComparison.Ordinal);
        Assert.Contains(root.GetProperty("libraries").EnumerateArray(), p => p.GetString()!.EndsWith("/libtorch_cpu.so", StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("libtorch_configured").ValueKind);
        Assert.Equal("auto", root.GetProperty("device").GetString());
        Assert.Equal(cuda.is_available() ? "cuda:0" : "cpu", root.GetProperty("resolved").GetString());
        Assert.Equal(get_num_threads(), root.GetProperty("threads").GetInt32());
    }

    [Fact]
    public async Task Device_CudaInAProcessWithout_ExitsOneWithTheReason()
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("device", "--device", "cuda:0");

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("device      cuda:0 → unavailable", cli.Output, StringComparison.Ordinal);
        Assert.Contains("device cuda:0: CUDA is not available to this process (libtorch CPU build from ", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Device_UnknownSetting_IsInvalidInput()
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("device", "--device", "tpu");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("unknown device 'tpu'", cli.Error, StringComparison.Ordinal);
    }
}
