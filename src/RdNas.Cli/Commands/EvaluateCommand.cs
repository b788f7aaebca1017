using System.CommandLine;
using RdNas.Cli.Output;
using RdNas.Nas.Data;
using RdNas.Nas.Devices;
using RdNas.Nas.Runs;

namespace RdNas.Cli.Commands;

/// <summary>
/// <c>rdnas evaluate --run DIR --out DIR</c>: scores a finished run's supernet again — another subnet sample, other
/// batch-norm statistics, another ground-truth column — into a folder of its own, leaving the run as it is; the
/// folder reads like a run (<c>rdnas compare</c>), and a rerun with the same --out continues a stopped scoring.
/// </summary>
internal sealed class EvaluateCommand : CliCommand
{
    private static readonly Option<string> s_run = new("--run")
    {
        Description = "A finished `rdnas train` folder (result.json and checkpoint/); it is read, never written",
        Required = true,
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
        Options.Add(CommonOptions.Subnets);
        Options.Add(CommonOptions.SampleSeed);
        Options.Add(CommonOptions.BnStatistics);
        Options.Add(s_groundTruth);
        Options.Add(CommonOptions.Device);
        Options.Add(CommonOptions.Data);
        Options.Add(s_out);
        Options.Add(CommonOptions.Format);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var run = parseResult.GetValue(s_run)!;
        var output = OutputLocation.Folder("--out", parseResult.GetValue(s_out)!);
        var spec = new RescoringSpec(
            run, DataDirectory.Resolve(parseResult.GetValue(CommonOptions.Data)), output, parseResult.GetValue(CommonOptions.Subnets),
            parseResult.GetValue(CommonOptions.SampleSeed), parseResult.GetValue(CommonOptions.BnStatistics), parseResult.GetValue(s_groundTruth),
            ComputeDevice.Parse(parseResult.GetValue(CommonOptions.Device) ?? "auto")).Validate();
        var json = parseResult.GetValue(CommonOptions.Format) == OutputFormat.Json;
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
}
