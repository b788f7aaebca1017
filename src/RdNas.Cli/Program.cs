using System.CommandLine;
using RdNas.Cli;
using RdNas.Cli.Output;
using RdNas.Nas.Devices;
using RdNas.Nas.NativeMemory;

GlibcHeap.RetainFreedMemory(); // training and scoring reuse the same buffers every step: keep them mapped
try
{
    LibTorchFolder.LoadFromEnvironment(); // before any TorchSharp call: a CUDA build of libtorch, when one is configured
}
catch (Exception e) when (e is IOException or InvalidOperationException or PlatformNotSupportedException)
{
    await Console.Error.WriteLineAsync($"rdnas: {e.Message}").ConfigureAwait(false);
    return ExitCodes.InvalidInput;
}

var console = CliConsole.CreateDefault();
using var stop = new StopSignals(console.Error);
// Stop signals are StopSignals' alone: System.CommandLine's own handling, which ends the process a fixed time (2 s by
// default) after the signal, is switched off, since a training run may take longer than that to stop.
var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
return await RdNasCommandLine.Create(console).Parse(args).InvokeAsync(invocation, stop.Token).ConfigureAwait(false);
