using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using RdNas.Nas.NativeMemory;
using RdNas.Silo;

GlibcHeap.RetainFreedMemory(); // training reuses the same buffers every step: keep them mapped

var builder = Host.CreateApplicationBuilder(args);
var options = builder.Configuration.GetSection(RdNasSiloOptions.Section).Get<RdNasSiloOptions>() ?? new RdNasSiloOptions();
builder.UseOrleans(silo => silo.ConfigureRdNas(options, builder.Configuration));
using var host = builder.Build();
await host.RunAsync().ConfigureAwait(false);
