using System.Globalization;
using TorchSharp;
using static TorchSharp.torch;

namespace RdNas.Nas.Devices;

/// <summary>What a device setting asks for.</summary>
public enum ComputeDeviceKind
{
    /// <summary>The first CUDA device when this process can use one, else the CPU.</summary>
    Auto,

    /// <summary>The CPU, whatever else exists.</summary>
    Cpu,

    /// <summary>One CUDA device, by index.</summary>
    Cuda,
}

/// <summary>
/// Where a supernet trains and is evaluated, as users write it: <c>auto</c>, <c>cpu</c>, <c>cuda</c> (= <c>cuda:0</c>)
/// or <c>cuda:N</c>. Parsing checks only the syntax; <see cref="Resolve"/> asks libtorch what this process can use.
/// </summary>
public readonly record struct ComputeDevice(ComputeDeviceKind Kind, int Index = 0)
{
    /// <summary>The default setting.</summary>
    public static ComputeDevice Auto => new(ComputeDeviceKind.Auto);

    /// <summary>The CPU.</summary>
    public static ComputeDevice Cpu => new(ComputeDeviceKind.Cpu);

    /// <summary>Parses a setting; an error names the text and the accepted forms.</summary>
    public static ComputeDevice Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim().ToLowerInvariant();
        if (value is "auto" or "cpu")
        {
            return new(value == "auto" ? ComputeDeviceKind.Auto : ComputeDeviceKind.Cpu);
        }

        if (value == "cuda")
        {
            return new(ComputeDeviceKind.Cuda);
        }

        if (value.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(value.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return new(ComputeDeviceKind.Cuda, index);
        }

        throw new FormatException($"unknown device '{text}': expected auto, cpu, cuda or cuda:N (N a device index from 0)");
    }

    /// <summary>
    /// The libtorch device this setting means here. <c>auto</c> never fails; <c>cuda</c> fails with
    /// <see cref="DeviceUnavailableException"/> saying why when this process has no CUDA or not that many devices.
    /// </summary>
    public Device Resolve()
    {
        switch (Kind)
        {
            case ComputeDeviceKind.Cpu:
                return CPU;
            case ComputeDeviceKind.Auto:
                return cuda.is_available() ? CUDA : CPU;
            default:
                if (!cuda.is_available())
                {
                    throw new DeviceUnavailableException(
                        $"device {this}: CUDA is not available to this process (libtorch {LibTorchFolder.Describe()}); on a machine with an NVIDIA GPU, " +
                        $"set {LibTorchFolder.EnvironmentVariable} to the lib folder of a CUDA build of libtorch 2.10, or use the cpu device");
                }

                var count = cuda.device_count();
                return Index < count
                    ? new Device(DeviceType.CUDA, Index)
                    : throw new DeviceUnavailableException($"device {this}: this process sees {count} CUDA device{(count == 1 ? "" : "s")} (cuda:0{(count > 1 ? $"..cuda:{count - 1}" : "")})");
        }
    }

    /// <summary>How a resolved device is written in results: <c>cpu</c> or <c>cuda:N</c>.</summary>
    public static string Name(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.type == DeviceType.CUDA ? string.Create(CultureInfo.InvariantCulture, $"cuda:{Math.Max(device.index, 0)}") : device.type.ToString().ToLowerInvariant();
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ComputeDeviceKind.Auto => "auto",
        ComputeDeviceKind.Cpu => "cpu",
        _ => string.Create(CultureInfo.InvariantCulture, $"cuda:{Index}"),
    };
}
