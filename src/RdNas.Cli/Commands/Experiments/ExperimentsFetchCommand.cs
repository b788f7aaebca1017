using System.CommandLine;
using System.Globalization;
using RdNas.Abstractions.Experiments;
using RdNas.Cli.Output;
using RdNas.Client;
using RdNas.Nas.Runs;

namespace RdNas.Cli.Commands.Experiments;

/// <summary>
/// <c>rdnas experiments fetch ID --out DIR</c>: a stopped experiment's run folder on this machine. A completed one's
/// (results, checkpoint and journals) is for <c>rdnas evaluate</c>, <c>rdnas search --run</c> and
/// <c>rdnas compare</c>; a failed or cancelled one's checkpoint is continued with the <c>rdnas train</c> line it prints.
/// </summary>
internal sealed class ExperimentsFetchCommand : ExperimentCommand
{
    private static readonly Option<string> s_out = new("--out")
    {
        Description = "Folder to write the run folder into (result.json, subnets.csv, checkpoint/ and the journals)",
        Required = true,
    };

    public ExperimentsFetchCommand(CliConsole console)
        : base("fetch", "Copy a stopped experiment's run folder (its results and checkpoint) to this machine, to score it again or to continue it", console)
    {
        Options.Add(s_out);
        Options.Add(CommonOptions.Format);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, RdNasClient client, string id, ExperimentSpec spec, CancellationToken cancellationToken)
    {
        var output = OutputLocation.Folder("--out", parseResult.GetValue(s_out)!);
        var status = await client.GetStatusAsync(id).ConfigureAwait(false);
        if (!status.IsFinal)
        {
            Console.Error($"experiment '{id}' is {status.Phase.ToString().ToLowerInvariant()} ({status.Message}): its run folder can be fetched once it has stopped");
            return ExitCodes.Failure;
        }

        var json = parseResult.GetValue(CommonOptions.Format) == OutputFormat.Json;
        return await client.GetResultAsync(id).ConfigureAwait(false) is { } result
            ? await FetchFinishedAsync(client, id, result, output, json, cancellationToken).ConfigureAwait(false)
            : await FetchStoppedAsync(client, id, spec, status, output, json, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> FetchFinishedAsync(RdNasClient client, string id, ExperimentResult result, string output, bool json, CancellationToken cancellationToken)
    {
        RequireFolderFor(output, result);
        var archiveBytes = await ExperimentRunFolder.WriteCheckpointAsync(client, id, output, cancellationToken).ConfigureAwait(false);
        ExperimentRunFolder.WriteResult(result, output);
        if (archiveBytes is null)
        {
            Console.Warning($"the cluster stores no checkpoint of '{id}': {output} holds its results only, which rdnas evaluate and rdnas search --run cannot score with");
        }

        if (json)
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

    // A failed or cancelled run: its checkpoint, and the rdnas train command line that continues it here.
    private async Task<int> FetchStoppedAsync(RdNasClient client, string id, ExperimentSpec spec, ExperimentStatus status, string output, bool json, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(output, TrainingRunWriter.ResultFile)) || Directory.Exists(Path.Combine(output, TrainingRunSpec.CheckpointFolder)))
        {
            throw new ArgumentException($"--out: {output} holds a run already; choose another folder");
        }

        var phase = status.Phase.ToString().ToLowerInvariant();
        if (await ExperimentRunFolder.WriteCheckpointAsync(client, id, output, cancellationToken).ConfigureAwait(false) is null)
        {
            Console.Error($"experiment '{id}' {phase} ({status.Message}) before it stored a checkpoint: there is nothing to fetch");
            return ExitCodes.Failure;
        }

        var run = UnfinishedRun.Find(output)!;
        var resume = TrainArguments.For(spec, output);
        if (json)
        {
            Console.Json(new { Experiment = id, Phase = phase, status.Message, run.CompletedEpochs, run.Epochs, Folder = output, ResumeArguments = resume is null ? null : (IReadOnlyList<string>)["train", .. resume] });
            return ExitCodes.Success;
        }

        Console.Line($"experiment {id} {phase} after epoch {run.CompletedEpochs} of {run.Epochs} ({status.Message}); its checkpoint is in {output}");
        Console.Line(resume is null
            ? $"its spec sets a split seed, which rdnas train has no option for: continue it on the cluster (rdnas experiments resume {id})"
            : $"continue it on this machine with: rdnas train {TrainArguments.ShellLine(resume)}");
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

        ExperimentRunFolder.RequireNoUnfinishedRun("--out", output);
    }
}
