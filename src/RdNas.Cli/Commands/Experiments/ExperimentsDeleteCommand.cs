using System.CommandLine;
using RdNas.Abstractions.Experiments;
using RdNas.Cli.Output;
using RdNas.Client;

namespace RdNas.Cli.Commands.Experiments;

/// <summary>
/// <c>rdnas experiments delete ID</c>: forgets a stopped experiment on the cluster (its stored checkpoint, the supernet
/// scores it recorded on architectures, list entry and state); run folders already fetched or written by
/// <c>rdnas train</c> stay where they are.
/// </summary>
internal sealed class ExperimentsDeleteCommand(CliConsole console)
    : ExperimentCommand("delete", "Delete a stopped experiment from the cluster: its stored checkpoint, result, list entry and the supernet scores it recorded on architectures", console)
{
    protected override async Task<int> ExecuteAsync(ParseResult parseResult, RdNasClient client, string id, ExperimentSpec spec, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteAsync(id).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            Console.Error(e.Message);
            return ExitCodes.Failure;
        }

        Console.Line($"{id}: deleted (its stored checkpoint, result, list entry and supernet scores on architectures; run folders fetched from it stay)");
        return ExitCodes.Success;
    }
}
