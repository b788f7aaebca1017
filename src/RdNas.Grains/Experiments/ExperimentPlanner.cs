using System.Globalization;
using Microsoft.Extensions.Options;
using RdNas.Abstractions.Experiments;
using RdNas.Grains.Hosting;
using RdNas.Nas;
using RdNas.Nas.Data;
using RdNas.Nas.Devices;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Proxies;
using RdNas.Nas.Runs;
using RdNas.Nas.Search;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Teachers;
using RdNas.Nas.Training.Methods;

namespace RdNas.Grains.Experiments;

/// <summary>
/// Turns an <see cref="ExperimentSpec"/> into the NAS library's run: validates every field at submission (the error
/// names the field and what is allowed) and builds the <see cref="TrainingRunSpec"/> a worker runs.
/// </summary>
public sealed class ExperimentPlanner(IOptions<RdNasPlatformOptions> options)
{
    /// <summary>The field an <see cref="InvalidExperimentSpecException"/> names when the silo lacks data files.</summary>
    public const string DataField = "data";

    private const int MaxTrainImages = 50_000;

    /// <summary>Checks <paramref name="spec"/> and this silo's data folder; returns the preset the spec resolves to.</summary>
    public TrainingPreset Validate(ExperimentSpec spec)
    {
        var preset = ValidateFields(spec);
        ValidateData();
        return preset;
    }

    /// <summary>
    /// Checks every field of <paramref name="spec"/> without reading the data folder (what a client can check before
    /// it starts a silo); returns the preset the spec resolves to.
    /// </summary>
    public TrainingPreset ValidateFields(ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!string.Equals(spec.Space, Nb201TrainingRun.Space, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidExperimentSpecException("space", $"unknown space '{spec.Space}' (expected {Nb201TrainingRun.Space})");
        }

        var preset = Field("preset", () => TrainingPresets.Get(spec.Preset));
        if (spec.Epochs is < 1)
        {
            throw new InvalidExperimentSpecException("epochs", $"must be at least 1, got {spec.Epochs}");
        }

        var maxBatch = options.Value.MaxBatchSize;
        if (spec.BatchSize is { } batch && (batch < 1 || batch > maxBatch))
        {
            throw new InvalidExperimentSpecException("batch_size", $"{batch} is outside what a silo holds (1 to {maxBatch}, {RdNasPlatformOptions.Section}:{nameof(RdNasPlatformOptions.MaxBatchSize)})");
        }

        if (spec.TrainImages is { } images && (images < 1 || images > MaxTrainImages))
        {
            throw new InvalidExperimentSpecException("train_images", $"must be between 1 and {MaxTrainImages}, got {images}");
        }

        var batchSize = spec.BatchSize ?? preset.Training.BatchSize;
        if ((spec.TrainImages ?? preset.Training.TrainImages) is { } trainImages && trainImages < batchSize)
        {
            throw new InvalidExperimentSpecException("train_images", $"must be at least the batch size ({batchSize}), got {trainImages}");
        }

        var epochs = spec.Epochs ?? preset.Training.Epochs;
        if (spec.AverageWeightsAfter is { } after && (after < 0 || after >= epochs))
        {
            throw new InvalidExperimentSpecException("average_weights_after", $"must be between 0 and {epochs - 1} (the run trains {epochs} epochs), got {after}");
        }

        if (spec.HeadDropout is { } dropout && !(dropout >= 0 && dropout < 1))
        {
            throw new InvalidExperimentSpecException("head_dropout", $"must be a probability in [0, 1), got {dropout.ToString(CultureInfo.InvariantCulture)}");
        }

        if (spec.BnStatistics is { } statistics)
        {
            _ = Field("bn_statistics", () => preset.Evaluation.WithBatchNorm(statistics));
        }

        if (spec.Subnets is { } subnets && Nb201TrainingRun.SubnetCountProblem(subnets) is { } problem)
        {
            throw new InvalidExperimentSpecException("subnets", problem);
        }

        if (string.IsNullOrWhiteSpace(spec.GroundTruth))
        {
            throw new InvalidExperimentSpecException("ground_truth", "must name an NB201 column such as cifar10_valid");
        }

        ValidateMethod(Method(spec));
        if (spec.Search is { } search)
        {
            ValidateSearch(search, new Nb201SearchSpace(preset.Supernet.OpCount));
        }

        return preset;
    }

    /// <summary>The run a worker executes for <paramref name="spec"/> in <paramref name="runDirectory"/>.</summary>
    public TrainingRunSpec Plan(ExperimentSpec spec, string runDirectory, Func<ProxyColumn, Nb201SearchSpace, CancellationToken, TeacherScores>? teacherSource)
    {
        var preset = Validate(spec);
        var training = preset.Training with
        {
            Seed = spec.Seed,
            Epochs = spec.Epochs ?? preset.Training.Epochs,
            BatchSize = spec.BatchSize ?? preset.Training.BatchSize,
            TrainImages = spec.TrainImages ?? preset.Training.TrainImages,
            AverageWeightsAfter = spec.AverageWeightsAfter ?? preset.Training.AverageWeightsAfter,
        };
        var supernet = preset.Supernet with { HeadDropout = spec.HeadDropout ?? preset.Supernet.HeadDropout };
        var evaluation = (spec.BnStatistics is { } statistics ? preset.Evaluation.WithBatchNorm(statistics) : preset.Evaluation) with
        {
            Subnets = spec.Subnets ?? preset.Evaluation.Subnets,
            SampleSeed = spec.SampleSeed ?? preset.Evaluation.SampleSeed,
        };
        return new TrainingRunSpec(
            preset with { Training = training, Supernet = supernet, Evaluation = evaluation }, DataDirectory.Resolve(options.Value.DataDirectory), runDirectory, spec.SplitSeed, spec.GroundTruth,
            Method(spec), options.Value.TeacherCache, Environment.ProcessorCount, options.Value.TeacherCache is null ? teacherSource : null,
            ComputeDevice.Parse(options.Value.TrainingDevice));
    }

    // Checked at submission so a silo without data refuses the run at once instead of failing it later.
    private void ValidateData()
    {
        try
        {
            var data = DataDirectory.Resolve(options.Value.DataDirectory);
            data.RequireFile(Nb201GroundTruth.RelativePath, "the NAS-Bench-201 table the ranking is scored against");
            data.RequireFile(Path.Combine(Cifar10BinaryReader.Folder, "data_batch_1.bin"), "CIFAR-10 train images (binary version)");
        }
        catch (DataNotFoundException e)
        {
            throw new InvalidExperimentSpecException(DataField, e.Message);
        }
    }

    private static TrainingMethodSpec Method(ExperimentSpec spec) =>
        new(spec.Sampler, spec.PairSampler, spec.PairThreshold, spec.Teacher, spec.Margin, spec.Lambda);

    // The library's messages name CLI options (--sampler: …); the spec's field names replace them.
    private static void ValidateMethod(TrainingMethodSpec method)
    {
        try
        {
            method.Validate();
        }
        catch (ArgumentException e) when (e.Message.StartsWith("--", StringComparison.Ordinal))
        {
            var message = UserMessage.Of(e);
            var end = message.IndexOfAny([' ', ':'], 2);
            var field = message[2..end].Replace('-', '_');
            throw new InvalidExperimentSpecException(field, message[end..].TrimStart(' ', ':'));
        }
    }

    // The strategies check their own settings; their parameter names become the spec's search fields.
    private static void ValidateSearch(ExperimentSearchSpec search, Nb201SearchSpace space)
    {
        try
        {
            _ = SearchStrategies.Create(search.Strategy ?? string.Empty, space, search.Budget, search.Seed, search.Population, search.Tournament);
        }
        catch (ArgumentException e)
        {
            var field = e.ParamName switch
            {
                "budget" => "search_budget",
                "populationSize" => "search_population",
                "tournamentSize" => "search_tournament",
                _ => "search",
            };
            throw new InvalidExperimentSpecException(field, UserMessage.Of(e));
        }
    }

    private static T Field<T>(string field, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (ArgumentException e)
        {
            throw new InvalidExperimentSpecException(field, UserMessage.Of(e));
        }
    }
}
