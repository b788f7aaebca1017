using System.CommandLine;
using RdNas.Abstractions.Experiments;
using RdNas.Cli.Output;
using RdNas.Client;

namespace RdNas.Cli.Commands.Experiments;

/// <summary><c>rdnas experiments resume ID</c>: starts a failed or cancelled experiment again from its stored checkpoint.</summary>
internal sealed class ExperimentsResumeCommand(CliConsole console)
    : ExperimentCommand("resume", "Start a failed or cancelled experiment again from its last checkpoint", console)
{
    protected override async Task<int> ExecuteAsync(ParseResult parseResult, RdNasClient client, string id, ExperimentSpec spec, CancellationToken cancellationToken)
    {
        if ((await client.GetStatusAsync(id).ConfigureAwait(false)).Phase == ExperimentPhase.Completed)
        {
            Console.Error($"experiment '{id}' has completed: there is nothing to resume (rdnas experiments fetch {id} --out DIR, then rdnas evaluate --run DIR, scores its supernet again)");
            return ExitCodes.Failure;
        }

        var status = await client.ResumeAsync(id).ConfigureAwait(false);
        Console.Line($"{id}: {status.Phase.ToString().ToLowerInvariant()} ({status.Message}); rdnas experiments show {id} follows it");
        return ExitCodes.Success;
    }
}
