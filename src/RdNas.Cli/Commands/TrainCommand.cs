using System.CommandLine;
using RdNas.Abstractions.Experiments;
using RdNas.Cli.Output;
using RdNas.Client;
using RdNas.Nas.Data;
using RdNas.Nas.Devices;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Runs;
using RdNas.Nas.Training.Methods;

namespace RdNas.Cli.Commands;

/// <summary>
/// <c>rdnas train</c>: submits an experiment through the SDK (to <c>--cluster</c>, or to a one-silo cluster started in
/// this process), follows its progress and writes result.json and subnets.csv (and, with <c>--search</c>, the search
/// the experiment ran with its supernet in search/). Embedded, the run lives in --out, so
/// re-running with the same --out resumes from the last finished epoch; on a cluster, the experiment survives the
/// loss of its training silo and Ctrl+C only stops watching. With <c>--seeds</c>, one run per seed (<see cref="SeedRuns"/>).
/// </summary>
internal sealed class TrainCommand : CliCommand
{
    private static readonly Option<string> s_sampler = new("--sampler")
    {
        Description = "Training method: spos (uniform single path), fairnas, sandwich, rdnas (ranking distillation); with --seeds, several comma-separated (spos,rdnas: each against the first on paired seeds)",
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

    private static readonly Option<string?> s_seeds = new("--seeds")
    {
        Description = "Train one run per seed (0,1,2 or 0-4) into --out/s<SEED> and report the mean and spread: a cluster trains them side by side as its training slots allow, the embedded cluster one after another (run again, it resumes)",
    };

    private static readonly Option<int?> s_epochs = new("--epochs")
    {
        Description = "Override the preset's epoch count",
    };

    private static readonly Option<int?> s_batchSize = new("--batch-size")
    {
        Description = "Override the preset's batch size",
    };

    private static readonly Option<int?> s_trainImages = new("--train-images")
    {
        Description = "Override the preset's number of training images",
    };

    private static readonly Option<int?> s_averageWeightsAfter = new("--average-weights-after")
    {
        Description = "Evaluate the mean of the weights at the end of every epoch after this one (stochastic weight averaging) instead of the last weights",
    };

    private static readonly Option<double?> s_headDropout = new("--head-dropout")
    {
        Description = "Override the preset's dropout before the supernet's classifier while training, a probability in [0, 1) (the CPU presets have none; paper has the RD-NAS reference code's 0.1)",
    };

    private static readonly Option<string> s_groundTruth = new("--ground-truth")
    {
        Description = "The NB201 column the ranking is scored against: cifar10_valid (the protocol's), or another such as cifar10_test, cifar100_valid, imagenet16_valid",
        DefaultValueFactory = _ => "cifar10_valid",
    };

    private static readonly Option<string?> s_search = new("--search")
    {
        Description = "After the evaluation, search the cells with the trained supernet: evolution (REA) or random; writes search/ in --out",
    };

    private static readonly Option<int> s_searchBudget = new("--search-budget")
    {
        Description = "With --search: distinct cells scored",
        DefaultValueFactory = _ => 100,
    };

    private static readonly Option<long> s_searchSeed = new("--search-seed")
    {
        Description = "With --search: seed of the search's draws",
        DefaultValueFactory = _ => 0,
    };

    private static readonly Option<int> s_searchPopulation = new("--search-population")
    {
        Description = "With --search evolution: members alive at a time",
        DefaultValueFactory = _ => 10,
    };

    private static readonly Option<int> s_searchTournament = new("--search-tournament")
    {
        Description = "With --search evolution: members drawn to pick each parent",
        DefaultValueFactory = _ => 3,
    };

    private static readonly Option<string?> s_id = new("--id")
    {
        Description = "Experiment id (default: a new one; submitting the same spec under an id again follows it); with --seeds, the prefix of ID-s<SEED>",
    };

    private static readonly Option<string> s_out = new("--out")
    {
        Description = "Output folder for result.json, subnets.csv and the checkpoint (embedded: where the run trains)",
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
        Options.Add(CommonOptions.TeacherCache);
        Options.Add(s_preset);
        Options.Add(s_seed);
        Options.Add(s_seeds);
        Options.Add(s_epochs);
        Options.Add(s_batchSize);
        Options.Add(s_trainImages);
        Options.Add(s_averageWeightsAfter);
        Options.Add(s_headDropout);
        Options.Add(CommonOptions.BnStatistics);
        Options.Add(CommonOptions.Subnets);
        Options.Add(CommonOptions.SampleSeed);
        Options.Add(s_groundTruth);
        Options.Add(s_search);
        Options.Add(s_searchBudget);
        Options.Add(s_searchSeed);
        Options.Add(s_searchPopulation);
        Options.Add(s_searchTournament);
        Options.Add(s_id);
        Options.Add(s_out);
        Options.Add(CommonOptions.Cluster);
        Options.Add(CommonOptions.Device);
        Options.Add(CommonOptions.Data);
        Options.Add(CommonOptions.Format);
    }

    /// <summary>The experiment spec the options of <paramref name="parseResult"/> describe.</summary>
    internal static ExperimentSpec SpecFrom(ParseResult parseResult)
    {
        var space = parseResult.GetValue(CommonOptions.Space)!;
        CommonOptions.RequireNb201(space);
        if (parseResult.GetValue(s_search) is null
            && CommonOptions.FirstGiven(parseResult, s_searchBudget, s_searchSeed, s_searchPopulation, s_searchTournament) is { } orphan)
        {
            throw new ArgumentException($"{orphan.Name} applies to a search: add --search evolution or --search random");
        }

        return new ExperimentSpec(
            space, parseResult.GetValue(s_sampler)!, parseResult.GetValue(s_preset)!, parseResult.GetValue(s_seed), parseResult.GetValue(s_epochs),
            parseResult.GetValue(s_batchSize), parseResult.GetValue(s_trainImages), parseResult.GetValue(s_teacher)!, parseResult.GetValue(s_pairSampler)!,
            parseResult.GetValue(s_pairThreshold), parseResult.GetValue(s_margin), parseResult.GetValue(s_lambda)!,
            AverageWeightsAfter: parseResult.GetValue(s_averageWeightsAfter),
            GroundTruth: parseResult.GetValue(s_groundTruth)!,
            Search: parseResult.GetValue(s_search) is { } strategy
                ? new ExperimentSearchSpec(strategy, parseResult.GetValue(s_searchBudget), parseResult.GetValue(s_searchSeed), parseResult.GetValue(s_searchPopulation), parseResult.GetValue(s_searchTournament))
                : null,
            HeadDropout: parseResult.GetValue(s_headDropout),
            BnStatistics: parseResult.GetValue(CommonOptions.BnStatistics),
            Subnets: parseResult.GetValue(CommonOptions.Subnets),
            SampleSeed: parseResult.GetValue(CommonOptions.SampleSeed));
    }

    // The seeds of --seeds, checked before anything starts; null without it.
    private static IReadOnlyList<long>? SeedsFrom(ParseResult parseResult)
    {
        if (parseResult.GetValue(s_seeds) is not { } text)
        {
            return null;
        }

        return parseResult.GetResult(s_seed) is { Implicit: false }
            ? throw new ArgumentException("--seed and --seeds: give one (--seeds trains one run per seed)")
            : SeedList.Parse(text);
    }

    // --sampler spos,rdnas: one spec per method, each trained with every seed of --seeds (checked before anything runs).
    private static List<ExperimentSpec> MethodsFrom(ExperimentSpec spec, IReadOnlyList<long>? seeds)
    {
        var samplers = spec.Sampler.Split(',', StringSplitOptions.TrimEntries);
        if (samplers.Length == 1)
        {
            return [spec];
        }

        if (seeds is null)
        {
            throw new ArgumentException("--sampler: several methods train one run per method and seed: add --seeds (e.g. --seeds 0-2)");
        }

        foreach (var (sampler, index) in samplers.Select((s, i) => (s, i)))
        {
            _ = new TrainingMethodSpec(sampler).Validate();
            if (Array.IndexOf(samplers, sampler) != index)
            {
                throw new ArgumentException($"--sampler: '{sampler}' is named twice");
            }
        }

        return [.. samplers.Select(sampler => spec with { Sampler = sampler })];
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var spec = SpecFrom(parseResult);
        var seeds = SeedsFrom(parseResult);
        var methods = MethodsFrom(spec, seeds);
        var output = OutputLocation.Folder("--out", parseResult.GetValue(s_out)!);
        var cluster = parseResult.GetValue(CommonOptions.Cluster);
        var data = parseResult.GetValue(CommonOptions.Data);
        var device = parseResult.GetValue(CommonOptions.Device);
        if (string.IsNullOrWhiteSpace(cluster))
        {
            // Before a silo starts, in this order: a wrong option; an unusable device (and a GPU budget about to run
            // on the CPU, said aloud); no data folder, or a ground-truth column the table lacks.
            methods.ForEach(ExperimentSubmission.CheckForEmbeddedCluster);
            var resolved = ComputeDevice.Parse(device ?? "auto").Resolve();
            if (TrainingPresets.Get(spec.Preset).MeantForGpu && ComputeDevice.Name(resolved) == "cpu")
            {
                Console.Warning($"preset {spec.Preset} is meant for a GPU and will train on the CPU, where it takes many hours; on a machine with one, use --device cuda (README, \"GPUs\")");
            }

            Nb201GroundTruth.Load(DataDirectory.Resolve(data)).RequireColumn(spec.GroundTruth);
        }

        if (!string.IsNullOrWhiteSpace(cluster) && seeds is null)
        {
            ExperimentRunFolder.RequireNoUnfinishedRun("--out", output);
        }

        var json = parseResult.GetValue(CommonOptions.Format) == OutputFormat.Json;
        if (seeds is not null)
        {
            var platform = new SeedRuns.PlatformOptions(cluster, data, parseResult.GetValue(CommonOptions.TeacherCache), device);
            return await SeedRuns.TrainAsync(Console, methods, seeds, parseResult.GetValue(s_id), output, platform, json, cancellationToken).ConfigureAwait(false);
        }

        await using var session = await PlatformSession.OpenAsync(cluster, output, data, parseResult.GetValue(CommonOptions.TeacherCache), device, null, cancellationToken).ConfigureAwait(false);
        var id = parseResult.GetValue(s_id) ?? RdNasClient.NewExperimentId();
        await ExperimentSubmission.SubmitAsync(session.Client, spec, id).ConfigureAwait(false);
        return await ExperimentFollower.FollowAndWriteAsync(Console, session.Client, session.IsEmbedded, id, output, json, cancellationToken).ConfigureAwait(false);
    }
}
