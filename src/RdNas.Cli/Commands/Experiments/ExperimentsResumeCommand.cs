using System.CommandLine;
using RdNas.Cli.Output;
using RdNas.Abstractions.Experiments;
using RdNas.Client;

namespace RdNas.Cli.Commands.Experiments;

/// <summary><c>rdnas experiments resume ID</c>: starts a failed or cancelled experiment again from its stored checkpoint.</summary>
internal sealed class ExperimentsResumeCommand : CliCommand
{
    private static readonly Argument<string> s_id = new("id") { Description = "The experiment id" };

    public ExperimentsResumeCommand(CliConsole console)
        : base("resume", "Start a failed or cancelled experiment again from its last checkpoint", console)
    {
        Arguments.Add(s_id);
        Options.Add(CommonOptions.RunningCluster);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var id = parseResult.GetValue(s_id)!;
        await using var client = await RdNasClient.ConnectAsync(ClusterConnection.Parse(parseResult.GetValue(CommonOptions.RunningCluster)!), CommonOptions.QueryConnectTimeout, cancellationToken).ConfigureAwait(false);
        if (await client.GetSpecAsync(id).ConfigureAwait(false) is null)
        {
            Console.Error($"no experiment '{id}' on this cluster (rdnas experiments list shows them)");
            return ExitCodes.InvalidInput;
        }

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
