using System.CommandLine;
using System.Globalization;
using RdNas.Cli.Output;
using RdNas.Client;
using Spectre.Console;

namespace RdNas.Cli.Commands.Experiments;

/// <summary>
/// <c>rdnas experiments list</c>: every experiment of a cluster with its training configuration (as <c>rdnas
/// compare</c> names it), phase and progress.
/// </summary>
internal sealed class ExperimentsListCommand : CliCommand
{
    public ExperimentsListCommand(CliConsole console)
        : base("list", "List the experiments of a cluster", console)
    {
        Options.Add(CommonOptions.RunningCluster);
        Options.Add(CommonOptions.Format);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        await using var client = await RdNasClient.ConnectAsync(ClusterConnection.Parse(parseResult.GetValue(CommonOptions.RunningCluster)!), CommonOptions.QueryConnectTimeout, cancellationToken).ConfigureAwait(false);
        var experiments = await client.ListExperimentsAsync().ConfigureAwait(false);
        var statuses = await Task.WhenAll(experiments.Select(e => client.GetStatusAsync(e.Id))).ConfigureAwait(false);
        if (parseResult.GetValue(CommonOptions.Format) == OutputFormat.Json)
        {
            Console.Json(experiments.Zip(statuses, (e, s) => new { e.Id, e.Spec, e.SubmittedUtc, Status = s }));
            return ExitCodes.Success;
        }

        var table = new Table().AddColumns("id", "method", "preset", "seed", "phase", "epoch", "submitted (UTC)", "message");
        foreach (var (experiment, status) in experiments.Zip(statuses))
        {
            table.AddRow(
                Markup.Escape(experiment.Id), Markup.Escape(ExperimentConfiguration.Label(experiment.Spec)), Markup.Escape(experiment.Spec.Preset),
                experiment.Spec.Seed.ToString(CultureInfo.InvariantCulture), status.Phase.ToString(), $"{status.CompletedEpochs}/{status.Epochs}",
                experiment.SubmittedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), Markup.Escape(status.Message));
        }

        Console.Ansi.Write(table);
        return ExitCodes.Success;
    }
}
