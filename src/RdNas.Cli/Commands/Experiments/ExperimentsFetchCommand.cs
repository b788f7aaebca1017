using System.CommandLine;
using System.Globalization;
using RdNas.Abstractions.Experiments;
using RdNas.Cli.Output;
using RdNas.Client;
using RdNas.Nas.Runs;

namespace RdNas.Cli.Commands.Experiments;

/// <summary>
/// <c>rdnas experiments fetch ID --out DIR</c>: a completed experiment's run folder on this machine (results,
/// checkpoint and journals), for <c>rdnas evaluate</c>, <c>rdnas search --run</c> and <c>rdnas compare</c>.
/// </summary>
internal sealed class ExperimentsFetchCommand : CliCommand
{
    private static readonly Argument<string> s_id = new("id") { Description = "The experiment id" };

    private static readonly Option<string> s_out = new("--out")
    {
        Description = "Folder to write the run folder into (result.json, subnets.csv, checkpoint/ and the journals)",
        Required = true,
    };

    public ExperimentsFetchCommand(CliConsole console)
        : base("fetch", "Copy a completed experiment's run folder, its trained supernet included, to this machine", console)
    {
        Arguments.Add(s_id);
        Options.Add(s_out);
        Options.Add(CommonOptions.RunningCluster);
        Options.Add(CommonOptions.Format);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var id = parseResult.GetValue(s_id)!;
        var output = OutputLocation.Folder("--out", parseResult.GetValue(s_out)!);
        await using var client = await RdNasClient.ConnectAsync(ClusterConnection.Parse(parseResult.GetValue(CommonOptions.RunningCluster)!), CommonOptions.QueryConnectTimeout, cancellationToken).ConfigureAwait(false);
        if (await client.GetSpecAsync(id).ConfigureAwait(false) is null)
        {
            Console.Error($"no experiment '{id}' on this cluster (rdnas experiments list shows them)");
            return ExitCodes.InvalidInput;
        }

        var status = await client.GetStatusAsync(id).ConfigureAwait(false);
        if (status.Phase != ExperimentPhase.Completed || await client.GetResultAsync(id).ConfigureAwait(false) is not { } result)
        {
            Console.Error($"experiment '{id}' is {status.Phase.ToString().ToLowerInvariant()} ({status.Message}): only a completed experiment has a run folder to fetch");
            return ExitCodes.Failure;
        }

        RequireFolderFor(output, result);
        var archiveBytes = await ExperimentRunFolder.WriteCheckpointAsync(client, id, output, cancellationToken).ConfigureAwait(false);
        ExperimentRunFolder.WriteResult(result, output);
        if (archiveBytes is null)
        {
            Console.Warning($"the cluster stores no checkpoint of '{id}': {output} holds its results only, which rdnas evaluate and rdnas search --run cannot score with");
        }

        if (parseResult.GetValue(CommonOptions.Format) == OutputFormat.Json)
        {
            Console.Line(result.ResultJson);
            return ExitCodes.Success;
        }

        Console.Ansi.Write(RunSummaryTable.Create(RunRecord.Read(output), ("experiment", id)));
        if (archiveBytes is { } bytes)
        {
            Console.Line(string.Create(CultureInfo.InvariantCulture, $"checkpoint and journals ({bytes / 1048576.0:F1} MB) in {output}"));
        }

        return ExitCodes.Success;
    }

    // A folder holding another run is never overwritten: fetching the same experiment again is fine, anything else is refused.
    private static void RequireFolderFor(string output, ExperimentResult result)
    {
        var resultFile = Path.Combine(output, TrainingRunWriter.ResultFile);
        if (File.Exists(resultFile) && File.ReadAllText(resultFile) != result.ResultJson)
        {
            throw new ArgumentException($"--out: {output} holds another run (its {TrainingRunWriter.ResultFile} is not this experiment's); choose another folder");
        }

        if (!File.Exists(resultFile) && Directory.Exists(Path.Combine(output, TrainingRunSpec.CheckpointFolder)))
        {
            throw new ArgumentException($"--out: {output} holds the checkpoint of an unfinished run; choose another folder");
        }
    }
}
