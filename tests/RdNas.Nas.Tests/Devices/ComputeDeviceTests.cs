using RdNas.Nas.Devices;
using TorchSharp;
using static TorchSharp.torch;

namespace RdNas.Nas.Tests.Devices;

public sealed class ComputeDeviceTests
{
    [Theory]
    [InlineData("auto", ComputeDeviceKind.Auto, 0, "auto")]
    [InlineData(" CPU ", ComputeDeviceKind.Cpu, 0, "cpu")]
    [InlineData("cuda", ComputeDeviceKind.Cuda, 0, "cuda:0")]
    [InlineData("cuda:3", ComputeDeviceKind.Cuda, 3, "cuda:3")]
    public void Parse_KnownForms_AndWritesThemBack(string text, ComputeDeviceKind kind, int index, string written)
    {
        var device = ComputeDevice.Parse(text);

        Assert.Equal(new ComputeDevice(kind, index), device);
        Assert.Equal(written, device.ToString());
        Assert.Equal(device, ComputeDevice.Parse(device.ToString()));
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:x")]
    [InlineData("")]
    public void Parse_UnknownForm_NamesTheTextAndTheAcceptedForms(string text)
    {
        var error = Assert.Throws<FormatException>(() => ComputeDevice.Parse(text));

        Assert.Equal($"unknown device '{text}': expected auto, cpu, cuda or cuda:N (N a device index from 0)", error.Message);
    }

    [Fact]
    public void Resolve_CpuAndAuto_GiveTheCpuUnlessCudaIsThere()
    {
        Assert.Equal(DeviceType.CPU, ComputeDevice.Cpu.Resolve().type);
        Assert.Equal(cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU, ComputeDevice.Auto.Resolve().type);
        Assert.Equal("cpu", ComputeDevice.Name(CPU));
        Assert.Equal("cuda:1", ComputeDevice.Name(new Device(DeviceType.CUDA, 1)));
    }

    [Fact]
    public void Resolve_CudaThisProcessCannotUse_SaysWhyAndWhatToSet()
    {
        // This test process runs the CPU build of libtorch the application ships, so CUDA is never available to it;
        // with a CUDA build, a device index past the last one is the unusable setting.
        var setting = cuda.is_available() ? new ComputeDevice(ComputeDeviceKind.Cuda, cuda.device_count()) : ComputeDevice.Parse("cuda");

        var error = Assert.Throws<DeviceUnavailableException>(() => setting.Resolve());

        Assert.StartsWith($"device {setting}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(cuda.is_available() ? "CUDA device" : "set RDNAS_LIBTORCH to the lib folder of a CUDA build of libtorch 2.10", error.Message, StringComparison.Ordinal);
    }
}
