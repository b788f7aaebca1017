using System.CommandLine;
using RdNas.Cli.Output;
using RdNas.Client;
using RdNas.Nas.Data;
using RdNas.Nas.Devices;
using RdNas.Nas.Runs;

namespace RdNas.Cli.Commands;

/// <summary>
/// <c>rdnas evaluate --run DIR --out DIR</c>: scores a finished run's supernet again — another subnet sample, other
/// batch-norm statistics, another ground-truth column — into a folder of its own, leaving the run as it is; the
/// folder reads like a run (<c>rdnas compare</c>), and a rerun with the same --out continues a stopped scoring.
/// <c>--experiment ID --cluster C</c> does the same on a cluster's training silos, as a rescoring experiment of its own.
/// </summary>
internal sealed class EvaluateCommand : CliCommand
{
    private static readonly Option<string> s_run = new("--run")
    {
        Description = "A finished `rdnas train` folder (result.json and checkpoint/); it is read, never written",
    };

    private static readonly Option<string?> s_experiment = new("--experiment")
    {
        Description = "Instead of --run: a completed experiment of --cluster, scored again there by a new experiment (on its training silos)",
    };

    private static readonly Option<string?> s_id = new("--id")
    {
        Description = "With --experiment: the rescoring experiment's id (default: a new one)",
    };

    private static readonly Option<string?> s_groundTruth = new("--ground-truth")
    {
        Description = "The NB201 column to rank against (default: the run's)",
    };

    private static readonly Option<string> s_out = new("--out")
    {
        Description = "Folder for result.json and subnets.csv (the run's result with this evaluation), and the journal a rerun continues from",
        Required = true,
    };

    public EvaluateCommand(CliConsole console)
        : base("evaluate", "Score a finished run's supernet again on another subnet sample, batch-norm statistics or ground truth", console)
    {
        Options.Add(s_run);
        Options.Add(s_experiment);
        Options.Add(CommonOptions.Subnets);
        Options.Add(CommonOptions.SampleSeed);
        Options.Add(CommonOptions.BnStatistics);
        Options.Add(s_groundTruth);
        Options.Add(CommonOptions.Device);
        Options.Add(CommonOptions.Data);
        Options.Add(s_out);
        Options.Add(CommonOptions.Cluster);
        Options.Add(s_id);
        Options.Add(CommonOptions.Format);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var output = OutputLocation.Folder("--out", parseResult.GetValue(s_out)!);
        var json = parseResult.GetValue(CommonOptions.Format) == OutputFormat.Json;
        var (run, experiment) = (parseResult.GetValue(s_run), parseResult.GetValue(s_experiment));
        if ((run is null) == (experiment is null))
        {
            throw new ArgumentException("name what to score: --run DIR (a run folder here) or --experiment ID (a completed experiment of --cluster)");
        }

        if (run is null)
        {
            return await OnClusterAsync(parseResult, experiment!, output, json, cancellationToken).ConfigureAwait(false);
        }

        if (CommonOptions.FirstGiven(parseResult, CommonOptions.Cluster, s_id) is { } clusterOnly)
        {
            throw new ArgumentException($"{clusterOnly.Name} applies to --experiment; --run scores here");
        }

        // The options first, then the data folder: a wrong option is named even where the data is missing too.
        RescoringSpec.CheckChanges(parseResult.GetValue(CommonOptions.Subnets), parseResult.GetValue(CommonOptions.BnStatistics));
        var spec = new RescoringSpec(
            run, DataDirectory.Resolve(parseResult.GetValue(CommonOptions.Data)), output, parseResult.GetValue(CommonOptions.Subnets),
            parseResult.GetValue(CommonOptions.SampleSeed), parseResult.GetValue(CommonOptions.BnStatistics), parseResult.GetValue(s_groundTruth),
            ComputeDevice.Parse(parseResult.GetValue(CommonOptions.Device) ?? "auto")).Validate();
        await EvaluationProgressView.RunAsync(Console, $"evaluate {run}", observer => RunRescoring.Run(spec, observer, cancellationToken), !json, cancellationToken).ConfigureAwait(false);
        if (json)
        {
            Console.Line(File.ReadAllText(Path.Combine(output, TrainingRunWriter.ResultFile)));
        }
        else
        {
            Console.Ansi.Write(RunSummaryTable.Create(RunRecord.Read(output), ("rescored from", Path.GetFullPath(run))));
        }

        return ExitCodes.Success;
    }

    // A rescoring experiment: the source's spec with this command's evaluation settings, run and followed like a
    // training experiment; --out receives its run folder (the source's checkpoint included).
    private async Task<int> OnClusterAsync(ParseResult parseResult, string experiment, string output, bool json, CancellationToken cancellationToken)
    {
        if (CommonOptions.FirstGiven(parseResult, CommonOptions.Device, CommonOptions.Data) is { } localOnly)
        {
            throw new ArgumentException($"{localOnly.Name} applies to --run; a cluster's silos score with their own");
        }

        var cluster = parseResult.GetValue(CommonOptions.Cluster) ?? throw new ArgumentException("--experiment needs --cluster: the cluster that ran it");
        ExperimentRunFolder.RequireNoUnfinishedRun("--out", output);
        await using var client = await RdNasClient.ConnectAsync(ClusterConnection.Parse(cluster), CommonOptions.QueryConnectTimeout, cancellationToken).ConfigureAwait(false);
        var source = await client.GetSpecAsync(experiment).ConfigureAwait(false)
            ?? throw new ArgumentException($"--experiment: no experiment '{experiment}' on this cluster (rdnas experiments list shows them)");
        var spec = source with
        {
            Subnets = parseResult.GetValue(CommonOptions.Subnets) ?? source.Subnets,
            SampleSeed = parseResult.GetValue(CommonOptions.SampleSeed) ?? source.SampleSeed,
            BnStatistics = parseResult.GetValue(CommonOptions.BnStatistics) ?? source.BnStatistics,
            GroundTruth = parseResult.GetValue(s_groundTruth) ?? source.GroundTruth,
            Search = null,
            RescoreOf = experiment,
        };
        var id = parseResult.GetValue(s_id) ?? RdNasClient.NewExperimentId();
        await ExperimentSubmission.SubmitAsync(client, spec, id).ConfigureAwait(false);
        return await ExperimentFollower.FollowAndWriteAsync(Console, client, isEmbedded: false, id, output, json, cancellationToken).ConfigureAwait(false);
    }
}
