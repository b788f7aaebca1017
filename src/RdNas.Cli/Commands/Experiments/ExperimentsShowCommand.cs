using System.CommandLine;
using RdNas.Cli.Output;
using RdNas.Client;

namespace RdNas.Cli.Commands.Experiments;

/// <summary><c>rdnas experiments show ID</c>: an experiment's spec, status and, when completed, its ranking.</summary>
internal sealed class ExperimentsShowCommand : CliCommand
{
    private static readonly Argument<string> s_id = new("id") { Description = "The experiment id" };

    public ExperimentsShowCommand(CliConsole console)
        : base("show", "Show an experiment's spec, status and result", console)
    {
        Arguments.Add(s_id);
        Options.Add(CommonOptions.RunningCluster);
        Options.Add(CommonOptions.Format);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var id = parseResult.GetValue(s_id)!;
        await using var client = await RdNasClient.ConnectAsync(ClusterConnection.Parse(parseResult.GetValue(CommonOptions.RunningCluster)!), CommonOptions.QueryConnectTimeout, cancellationToken).ConfigureAwait(false);
        var spec = await client.GetSpecAsync(id).ConfigureAwait(false);
        if (spec is null)
        {
            Console.Error($"no experiment '{id}' on this cluster (rdnas experiments list shows them)");
            return ExitCodes.InvalidInput;
        }

        var status = await client.GetStatusAsync(id).ConfigureAwait(false);
        var result = await client.GetResultAsync(id).ConfigureAwait(false);
        if (parseResult.GetValue(CommonOptions.Format) == OutputFormat.Json)
        {
            Console.Json(new { Spec = spec, Status = status, result?.Ranking });
            return ExitCodes.Success;
        }

        Console.Ansi.Write(ExperimentDetailsTable.Create(id, spec, status, result?.Ranking));
        return ExitCodes.Success;
    }
}
