using System.CommandLine;
using RdNas.Cli.Output;
using RdNas.Nas.Devices;
using static TorchSharp.torch;

namespace RdNas.Cli.Commands.Device;

/// <summary>
/// <c>rdnas device [--device auto|cpu|cuda[:N]]</c>: which libtorch this process runs (and from where), whether CUDA is
/// usable, and what a device setting resolves to; exit 1 with the reason when it cannot be used. The check to run on
/// a GPU silo's image before starting it.
/// </summary>
internal sealed class DeviceCommand : CliCommand
{
    public DeviceCommand(CliConsole console)
        : base("device", "Show the libtorch build in use, CUDA devices, and what a --device setting resolves to", console)
    {
        Options.Add(CommonOptions.Device);
        Options.Add(CommonOptions.Format);
    }

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var setting = ComputeDevice.Parse(parseResult.GetValue(CommonOptions.Device) ?? "auto");
        var cudaAvailable = cuda.is_available(); // first, so the libtorch description covers a CUDA build's libraries
        var cudaDevices = cudaAvailable ? cuda.device_count() : 0;
        string? resolved = null;
        string? problem = null;
        try
        {
            resolved = ComputeDevice.Name(setting.Resolve());
        }
        catch (DeviceUnavailableException e)
        {
            problem = e.Message;
        }

        var libraries = LibTorchFolder.MappedLibraries();
        var torchSharp = typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(3);
        if (parseResult.GetValue(CommonOptions.Format) == OutputFormat.Json)
        {
            Console.Json(new
            {
                torchsharp = torchSharp,
                libtorch = LibTorchFolder.Describe(),
                libtorch_configured = LibTorchFolder.Configured,
                bridge_imports_found = LibTorchFolder.BridgeImports,
                libraries,
                cuda_available = cudaAvailable,
                cuda_devices = cudaDevices,
                threads = get_num_threads(),
                device = setting.ToString(),
                resolved,
                error = problem,
            });
        }
        else
        {
            Console.Line($"TorchSharp  {torchSharp}");
            Console.Line($"libtorch    {LibTorchFolder.Describe()}");
            if (LibTorchFolder.BridgeImports is { } imports)
            {
                Console.Line($"bridge      all {imports} functions {LibTorchBridge.FileName} imports resolve there");
            }

            Console.Line($"CUDA        {(cudaAvailable ? $"available, {cudaDevices} device{(cudaDevices == 1 ? "" : "s")}" : "not available")}");
            Console.Line($"threads     {get_num_threads()}");
            Console.Line($"device      {setting} → {resolved ?? "unavailable"}");
        }

        if (problem is not null)
        {
            Console.Error(problem);
            return Task.FromResult(ExitCodes.Failure);
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
