using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using RdNas.Grains.Hosting;
using RdNas.Nas.Devices;
using RdNas.Nas.NativeMemory;
using RdNas.Silo;

GlibcHeap.RetainFreedMemory(); // training reuses the same buffers every step: keep them mapped
try
{
    LibTorchFolder.LoadFromEnvironment(); // before any TorchSharp call: a CUDA build of libtorch, when one is configured
}
catch (Exception e) when (e is IOException or InvalidOperationException or PlatformNotSupportedException)
{
    await Console.Error.WriteLineAsync($"rdnas-silo: {e.Message}").ConfigureAwait(false);
    return 2;
}

var builder = WebApplication.CreateSlimBuilder(args);
RdNasSiloOptions options;
try
{
    // Settings are checked before the host starts, so a typo is one line naming the setting, not a stack trace.
    options = builder.Configuration.GetSection(RdNasSiloOptions.Section).Get<RdNasSiloOptions>() ?? new RdNasSiloOptions();
    options.Validate();
    if (options.IsGpu)
    {
        // A GPU silo says where it trains: auto falls back to the CPU when this process has no CUDA; an explicit
        // cuda it cannot reach would fail every experiment placed on it, so the silo refuses to start instead.
        var setting = (builder.Configuration.GetSection(RdNasPlatformOptions.Section).Get<RdNasPlatformOptions>() ?? new RdNasPlatformOptions()).TrainingDevice;
        var device = ComputeDevice.Parse(setting).Resolve();
        Console.WriteLine($"rdnas-silo: training device {setting} → {ComputeDevice.Name(device)} (libtorch {LibTorchFolder.Describe()})");
    }
}
catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
{
    await Console.Error.WriteLineAsync($"rdnas-silo: {e.Message}").ConfigureAwait(false);
    return 2;
}

builder.UseOrleans(silo => silo.ConfigureRdNas(options, builder.Configuration));
builder.AddSiloMetrics(options);
await using var app = builder.Build();
app.MapSiloMetrics();
await app.RunAsync().ConfigureAwait(false);
return 0;
