using System.CommandLine;
using RdNas.Cli.Output;
using RdNas.Nas.Data;
using RdNas.Nas.Runs;
using RdNas.Nas.Training.Methods;

namespace RdNas.Cli.Commands;

/// <summary>
/// <c>rdnas train</c>: trains an NB201 supernet with a preset budget, evaluates its ranking and writes result.json
/// and subnets.csv. Re-running with the same --out resumes from the last finished epoch.
/// </summary>
internal sealed class TrainCommand : CliCommand
{
    private static readonly Option<string> s_sampler = new("--sampler")
    {
        Description = "Training method: spos (uniform single path), fairnas, sandwich, rdnas (ranking distillation)",
        DefaultValueFactory = _ => "spos",
    };

    private static readonly Option<string> s_pairSampler = new("--pair-sampler")
    {
        Description = "RD-NAS pairs: margin (group distance ≥ 6.7), hamming (≥ 4.5 edges), random",
        DefaultValueFactory = _ => "margin",
    };

    private static readonly Option<double?> s_pairThreshold = new("--pair-threshold")
    {
        Description = "RD-NAS: the pair sampler's smallest distance (default 6.7 for margin, 4.5 for hamming)",
    };

    private static readonly Option<string> s_teacher = new("--teacher")
    {
        Description = "RD-NAS teacher: a proxy (flops, synflow, nwot, ...) or ensemble:a+b+c; scored once and cached",
        DefaultValueFactory = _ => "flops",
    };

    private static readonly Option<double?> s_margin = new("--margin")
    {
        Description = "RD-NAS ranking loss: the paper's fixed margin m (default: the reference code's loss, m = 0 and the first loss detached)",
    };

    private static readonly Option<string> s_lambda = new("--lambda")
    {
        Description = "RD-NAS ranking-loss weight by epoch: sine, warmup or const:V",
        DefaultValueFactory = _ => "sine",
    };

    private static readonly Option<string?> s_teacherCache = new("--teacher-cache")
    {
        Description = "Folder of cached teacher scores (default: $RDNAS_CACHE/teachers or ~/.cache/rdnas/teachers)",
    };

    private static readonly Option<string> s_preset = new("--preset")
    {
        Description = $"Budget: {string.Join(", ", TrainingPresets.All.Select(p => $"{p.Name} ({p.Purpose})"))}",
        DefaultValueFactory = _ => "small",
    };

    private static readonly Option<long> s_seed = new("--seed")
    {
        Description = "Seed of weights, data order, augmentation and sampled subnets",
        DefaultValueFactory = _ => 0,
    };

    private static readonly Option<int?> s_epochs = new("--epochs")
    {
        Description = "Override the preset's epoch count",
    };

    private static readonly Option<string> s_out = new("--out")
    {
        Description = "Output folder for result.json, subnets.csv and the checkpoint",
        Required = true,
    };

    public TrainCommand(CliConsole console)
        : base("train", "Train a supernet, evaluate its ranking of subnets and write the results", console)
    {
        Options.Add(CommonOptions.Space);
        Options.Add(s_sampler);
        Options.Add(s_pairSampler);
        Options.Add(s_pairThreshold);
        Options.Add(s_teacher);
        Options.Add(s_margin);
        Options.Add(s_lambda);
        Options.Add(s_teacherCache);
        Options.Add(s_preset);
        Options.Add(s_seed);
        Options.Add(s_epochs);
        Options.Add(s_out);
        Options.Add(CommonOptions.Data);
        Options.Add(CommonOptions.Format);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        CommonOptions.RequireNb201(parseResult.GetValue(CommonOptions.Space)!);
        var method = new TrainingMethodSpec(
            parseResult.GetValue(s_sampler)!, parseResult.GetValue(s_pairSampler)!, parseResult.GetValue(s_pairThreshold),
            parseResult.GetValue(s_teacher)!, parseResult.GetValue(s_margin), parseResult.GetValue(s_lambda)!).Validate();

        var preset = TrainingPresets.Get(parseResult.GetValue(s_preset)!);
        var epochs = parseResult.GetValue(s_epochs) ?? preset.Training.Epochs;
        if (epochs < 1)
        {
            throw new ArgumentException($"--epochs: must be at least 1, got {epochs}");
        }

        preset = preset with { Training = preset.Training with { Seed = parseResult.GetValue(s_seed), Epochs = epochs } };
        var spec = new TrainingRunSpec(preset, DataDirectory.Resolve(parseResult.GetValue(CommonOptions.Data)), Path.GetFullPath(parseResult.GetValue(s_out)!),
            Method: method, TeacherCache: parseResult.GetValue(s_teacherCache), Workers: Environment.ProcessorCount);
        var json = parseResult.GetValue(CommonOptions.Format) == OutputFormat.Json;
        var result = await TrainingProgressView.RunAsync(Console, spec, showProgress: !json, cancellationToken).ConfigureAwait(false);
        if (json)
        {
            Console.Json(result);
        }
        else
        {
            Console.Ansi.Write(RunSummaryTable.Create(result, spec.OutputDirectory));
        }

        return ExitCodes.Success;
    }
}
