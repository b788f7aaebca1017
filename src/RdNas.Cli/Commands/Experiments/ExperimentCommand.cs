using System.CommandLine;
using RdNas.Abstractions.Experiments;
using RdNas.Cli.Output;
using RdNas.Client;

namespace RdNas.Cli.Commands.Experiments;

/// <summary>
/// A verb about one experiment of a running cluster (<c>rdnas experiments VERB ID</c>): connects to <c>--cluster</c>
/// within the query timeout and refuses an id the cluster does not know, then hands over the client and the spec.
/// </summary>
internal abstract class ExperimentCommand : CliCommand
{
    private static readonly Argument<string> s_id = new("id") { Description = "The experiment id" };

    protected ExperimentCommand(string name, string description, CliConsole console)
        : base(name, description, console)
    {
        Arguments.Add(s_id);
        Options.Add(CommonOptions.RunningCluster);
    }

    protected abstract Task<int> ExecuteAsync(ParseResult parseResult, RdNasClient client, string id, ExperimentSpec spec, CancellationToken cancellationToken);

    protected sealed override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var id = parseResult.GetValue(s_id)!;
        await using var client = await RdNasClient.ConnectAsync(ClusterConnection.Parse(parseResult.GetValue(CommonOptions.RunningCluster)!), CommonOptions.QueryConnectTimeout, cancellationToken).ConfigureAwait(false);
        if (await client.GetSpecAsync(id).ConfigureAwait(false) is not { } spec)
        {
            Console.Error($"no experiment '{id}' on this cluster (rdnas experiments list shows them)");
            return ExitCodes.InvalidInput;
        }

        return await ExecuteAsync(parseResult, client, id, spec, cancellationToken).ConfigureAwait(false);
    }
}
