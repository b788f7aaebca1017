using System.CommandLine;
using RdNas.Cli.Output;
using RdNas.Nas.Data;
using RdNas.Nas.Runs;

namespace RdNas.Cli.Commands;

/// <summary>
/// <c>rdnas train</c>: trains an NB201 supernet with a preset budget, evaluates its ranking and writes result.json
/// and subnets.csv. Re-running with the same --out resumes from the last finished epoch.
/// </summary>
internal sealed class TrainCommand : CliCommand
{
    private static readonly Option<string> s_sampler = new("--sampler")
    {
        Description = "Subnet sampler: spos (uniform single path)",
        DefaultValueFactory = _ => "spos",
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
        var sampler = parseResult.GetValue(s_sampler)!;
        if (sampler != "spos")
        {
            throw new ArgumentException($"--sampler: unknown sampler '{sampler}' (expected spos)");
        }

        var preset = TrainingPresets.Get(parseResult.GetValue(s_preset)!);
        var epochs = parseResult.GetValue(s_epochs) ?? preset.Training.Epochs;
        if (epochs < 1)
        {
            throw new ArgumentException($"--epochs: must be at least 1, got {epochs}");
        }

        preset = preset with { Training = preset.Training with { Seed = parseResult.GetValue(s_seed), Epochs = epochs } };
        var spec = new TrainingRunSpec(preset, DataDirectory.Resolve(parseResult.GetValue(CommonOptions.Data)), Path.GetFullPath(parseResult.GetValue(s_out)!));
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
