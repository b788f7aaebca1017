using RdNas.Cli;
using RdNas.Cli.Output;

return await RdNasCommandLine.Create(CliConsole.CreateDefault()).Parse(args).InvokeAsync().ConfigureAwait(false);
