using System.CommandLine;
using RdNas.Cli;
using RdNas.Cli.Output;
using RdNas.Nas.NativeMemory;

GlibcHeap.RetainFreedMemory(); // training and scoring reuse the same buffers every step: keep them mapped

var console = CliConsole.CreateDefault();
using var stop = new StopSignals(console.Error);
// The CLI handles stop signals itself (StopSignals), without System.CommandLine's timeout that would end the process
// two seconds after Ctrl-C, while a run is still stopping.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
return await RdNasCommandLine.Create(console).Parse(args).InvokeAsync(invocation, stop.Token).ConfigureAwait(false);
