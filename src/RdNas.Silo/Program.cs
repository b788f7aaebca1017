using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using RdNas.Nas.NativeMemory;
using RdNas.Silo;

GlibcHeap.RetainFreedMemory(); // training reuses the same buffers every step: keep them mapped

var builder = WebApplication.CreateSlimBuilder(args);
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
builder.AddSiloMetrics(options);
await using var app = builder.Build();
app.MapSiloMetrics();
await app.RunAsync().ConfigureAwait(false);
return 0;
