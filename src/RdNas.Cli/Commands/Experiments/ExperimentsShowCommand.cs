using System.CommandLine;
using RdNas.Abstractions.Experiments;
using RdNas.Cli.Output;
using RdNas.Client;

namespace RdNas.Cli.Commands.Experiments;

/// <summary><c>rdnas experiments show ID</c>: an experiment's spec, status and, when completed, its ranking.</summary>
internal sealed class ExperimentsShowCommand : ExperimentCommand
{
    public ExperimentsShowCommand(CliConsole console)
        : base("show", "Show an experiment's spec, status and result", console)
    {
        Options.Add(CommonOptions.Format);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, RdNasClient client, string id, ExperimentSpec spec, CancellationToken cancellationToken)
    {
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
