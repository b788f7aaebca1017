using System.Globalization;
using System.Text.RegularExpressions;
using RdNas.Nas.Devices;

namespace RdNas.Bench.Tests;

public sealed class StepBenchmarkTests
{
    [Fact]
    public void Measure_OnTheCpu_TimesEveryStepAndItsPhasesAndNamesTheDevice()
    {
        var line = StepBenchmark.Measure(width: 4, cells: 1, batch: 8, steps: 3, warmup: 1, resolution: 16, ComputeDevice.Cpu);

        Assert.StartsWith("torchsharp C=4 N=1 resolution=16 batch=8 ", line, StringComparison.Ordinal);
        Assert.Contains(" device=cpu ", line, StringComparison.Ordinal);
        var median = double.Parse(Regex.Match(line, "median_step_s=([0-9.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
        var fastest = double.Parse(Regex.Match(line, "min_step_s=([0-9.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(fastest, 0, median);
        // Every phase lies within its step, so each phase's median lies within the steps' median.
        foreach (var phase in new[] { "zero_grad_s", "forward_s", "backward_s", "optimizer_s" })
        {
            var seconds = double.Parse(Regex.Match(line, $" {phase}=([0-9.]+)").Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.InRange(seconds, 0, median);
        }
    }

    [Fact]
    public void Measure_OnCudaWithoutACudaLibTorch_FailsSayingWhatToSet()
    {
        Assert.SkipWhen(TorchSharp.torch.cuda.is_available(), "this process has CUDA");

        var error = Assert.Throws<DeviceUnavailableException>(() => StepBenchmark.Measure(4, 1, 8, 1, 0, 16, ComputeDevice.Parse("cuda")));

        Assert.Contains(LibTorchFolder.EnvironmentVariable, error.Message, StringComparison.Ordinal);
    }
}
