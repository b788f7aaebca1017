using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using RdNas.Nas.NativeMemory;
using RdNas.Silo;

GlibcHeap.RetainFreedMemory(); // training reuses the same buffers every step: keep them mapped

var builder = Host.CreateApplicationBuilder(args);
RdNasSiloOptions options;
try
{
    // Settings are checked before the host starts, so a typo is one line naming the setting, not a stack trace.
    options = builder.Configuration.GetSection(RdNasSiloOptions.Section).Get<RdNasSiloOptions>() ?? new RdNasSiloOptions();
    options.Validate();
}
catch (Exception e) when (e is ArgumentException or InvalidOperationException)
{
    await Console.Error.WriteLineAsync($"rdnas-silo: {e.Message}").ConfigureAwait(false);
    return 2;
}

builder.UseOrleans(silo => silo.ConfigureRdNas(options, builder.Configuration));
using var host = builder.Build();
await host.RunAsync().ConfigureAwait(false);
return 0;
