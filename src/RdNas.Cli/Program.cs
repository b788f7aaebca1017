using RdNas.Cli;
using RdNas.Cli.Output;
using RdNas.Nas.NativeMemory;

GlibcHeap.RetainFreedMemory(); // training and scoring reuse the same buffers every step: keep them mapped

return await RdNasCommandLine.Create(CliConsole.CreateDefault()).Parse(args).InvokeAsync().ConfigureAwait(false);
