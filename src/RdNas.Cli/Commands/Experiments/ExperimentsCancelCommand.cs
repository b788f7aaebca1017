using System.CommandLine;
using RdNas.Cli.Output;
using RdNas.Client;

namespace RdNas.Cli.Commands.Experiments;

/// <summary><c>rdnas experiments cancel ID</c>: stops an experiment (a finished one stays as it is).</summary>
internal sealed class ExperimentsCancelCommand : CliCommand
{
    private static readonly Argument<string> s_id = new("id") { Description = "The experiment id" };

    public ExperimentsCancelCommand(CliConsole console)
        : base("cancel", "Cancel an experiment", console)
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

        var status = await client.CancelAsync(id).ConfigureAwait(false);
        Console.Line($"{id}: {status.Phase.ToString().ToLowerInvariant()} ({status.Message})");
        return ExitCodes.Success;
    }
}
