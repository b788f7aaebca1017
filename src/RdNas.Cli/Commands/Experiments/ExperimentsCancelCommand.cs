using System.CommandLine;
using RdNas.Abstractions.Experiments;
using RdNas.Cli.Output;
using RdNas.Client;

namespace RdNas.Cli.Commands.Experiments;

/// <summary><c>rdnas experiments cancel ID</c>: stops an experiment (a finished one stays as it is).</summary>
internal sealed class ExperimentsCancelCommand(CliConsole console) : ExperimentCommand("cancel", "Cancel an experiment", console)
{
    protected override async Task<int> ExecuteAsync(ParseResult parseResult, RdNasClient client, string id, ExperimentSpec spec, CancellationToken cancellationToken)
    {
        var status = await client.CancelAsync(id).ConfigureAwait(false);
        Console.Line($"{id}: {status.Phase.ToString().ToLowerInvariant()} ({status.Message})");
        return ExitCodes.Success;
    }
}
