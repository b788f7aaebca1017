using System.CommandLine;
using System.Globalization;
using RdNas.Abstractions.Experiments;
using RdNas.Cli.Output;
using RdNas.Client;
using Spectre.Console;

namespace RdNas.Cli.Commands.Experiments;

/// <summary>
/// <c>rdnas experiments list</c>: the experiments of a cluster (all, the last N submitted, those in some phases) with
/// their training configuration (as <c>rdnas compare</c> names it), phase and progress.
/// </summary>
internal sealed class ExperimentsListCommand : CliCommand
{
    private static readonly Option<string?> s_phase = new("--phase")
    {
        Description = "Only experiments in these phases, comma-separated: queued, training, evaluating, searching, completed, failed, cancelled, or running (every phase but the last three)",
    };

    private static readonly Option<int?> s_last = new("--last")
    {
        Description = "Only the N experiments submitted last (a cluster's list grows with every experiment; each listed one is asked for its status)",
    };

    public ExperimentsListCommand(CliConsole console)
        : base("list", "List the experiments of a cluster", console)
    {
        Options.Add(s_phase);
        Options.Add(s_last);
        Options.Add(CommonOptions.RunningCluster);
        Options.Add(CommonOptions.Format);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var phases = Phases(parseResult.GetValue(s_phase));
        var last = parseResult.GetValue(s_last);
        if (last is < 1)
        {
            throw new ArgumentException($"--last: must be at least 1, got {last}");
        }

        await using var client = await RdNasClient.ConnectAsync(ClusterConnection.Parse(parseResult.GetValue(CommonOptions.RunningCluster)!), CommonOptions.QueryConnectTimeout, cancellationToken).ConfigureAwait(false);
        var all = await client.ListExperimentsAsync().ConfigureAwait(false);
        var recent = all.Skip(Math.Max(0, all.Count - (last ?? all.Count))).ToList();
        var allStatuses = await Task.WhenAll(recent.Select(e => client.GetStatusAsync(e.Id))).ConfigureAwait(false);
        var shown = recent.Zip(allStatuses).Where(p => phases is null || phases.Contains(p.Second.Phase)).ToList();
        var experiments = shown.Select(p => p.First).ToList();
        var statuses = shown.Select(p => p.Second).ToList();
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

    // Null: every phase.
    private static HashSet<ExperimentPhase>? Phases(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var phases = new HashSet<ExperimentPhase>();
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (name.Equals("running", StringComparison.OrdinalIgnoreCase))
            {
                phases.UnionWith(Enum.GetValues<ExperimentPhase>().Where(p => !ExperimentStatus.IsFinalPhase(p)));
            }
            else if (Enum.GetNames<ExperimentPhase>().FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase)) is { } phase)
            {
                phases.Add(Enum.Parse<ExperimentPhase>(phase)); // by name only: Enum.TryParse would take "1" too
            }
            else
            {
                throw new ArgumentException($"--phase: unknown phase '{name}' (expected queued, training, evaluating, searching, completed, failed, cancelled or running)");
            }
        }

        return phases;
    }
}
