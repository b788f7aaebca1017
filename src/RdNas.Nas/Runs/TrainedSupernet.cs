using System.Globalization;
using RdNas.Nas.Data;
using RdNas.Nas.Evaluation;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;
using RdNas.Nas.Training;

namespace RdNas.Nas.Runs;

/// <summary>
/// A finished run's supernet with the weights its evaluation used (the weight average when the run averaged), scoring
/// any cell as that evaluation scored its sample: the same split, recalibration batches and valid images. What a search
/// over a trained supernet asks.
/// </summary>
public sealed class TrainedSupernet : IDisposable
{
    private readonly Nb201Supernet _model;
    private readonly SubnetEvaluator _evaluator;

    private readonly string _name;

    private TrainedSupernet(string directory, string name, TrainingCheckpointState state, Nb201Supernet model, SubnetEvaluator evaluator, EvaluationOptions evaluation, long splitSeed, string groundTruth)
    {
        Directory = directory;
        _name = name;
        State = state;
        _model = model;
        _evaluator = evaluator;
        Evaluation = evaluation;
        SplitSeed = splitSeed;
        GroundTruth = groundTruth;
    }

    /// <summary>The run folder.</summary>
    public string Directory { get; }

    /// <summary>The run's shape, options, sampler and epochs, as its checkpoint records them.</summary>
    public TrainingCheckpointState State { get; }

    /// <summary>How cells are scored: the run's own evaluation settings.</summary>
    public EvaluationOptions Evaluation { get; }

    /// <summary>Seed of the train/valid split the run used.</summary>
    public long SplitSeed { get; }

    /// <summary>The NB201 column the run's evaluation ranked against.</summary>
    public string GroundTruth { get; }

    /// <summary>The supernet, with the weights its run's evaluation used.</summary>
    internal Nb201Supernet Model => _model;

    /// <summary>Scores cells with <see cref="Evaluation"/>'s settings.</summary>
    internal SubnetEvaluator Evaluator => _evaluator;

    /// <summary>The trained space.</summary>
    public Nb201SearchSpace Space => new(State.Supernet.OpCount);

    /// <summary>One line naming everything a score depends on (a search journal keys its scores by it).</summary>
    public string Description => string.Create(CultureInfo.InvariantCulture,
        $"supernet {_name} ({State.Sampler}, C={State.Supernet.Width} N={State.Supernet.CellsPerStage}, epoch {State.CompletedEpochs}{(State.Options.AverageWeightsAfter is { } after ? $", weights averaged after epoch {after}" : "")}; split {SplitSeed}, recalibration {Evaluation.RecalibrationBatches}x{Evaluation.RecalibrationBatchSize}, {_evaluator.ValidImageCount} valid images)");

    /// <summary>
    /// Loads the run in <paramref name="runDirectory"/>: its result.json and the checkpoint of its last epoch.
    /// <paramref name="name"/> names it in <see cref="Description"/> (default: the folder's full path; an experiment,
    /// whose folder differs from silo to silo, gives its id). The supernet is loaded on <paramref name="device"/>
    /// (default: the CPU). <paramref name="evaluation"/>, when given, turns the run's evaluation settings into the ones
    /// cells are scored with (another sample, other batch-norm statistics).
    /// </summary>
    public static TrainedSupernet Open(
        string runDirectory, DataDirectory data, string? name = null, TorchSharp.torch.Device? device = null, Func<EvaluationOptions, EvaluationOptions>? evaluation = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (directory, checkpoint, recorded, state) = ReadFinished(runDirectory);
        var scoring = (evaluation?.Invoke(recorded.Options) ?? recorded.Options).Validate();
        var images = Cifar10BinaryReader.ReadTrain(data);
        var model = Nb201NetworkFactory.Create(state.Supernet, state.Options.Seed, device: device); // the checkpoint replaces every weight
        try
        {
            using var optimizer = new MomentumSgd(model.parameters(), state.Options.LearningRate, state.Options.Momentum, state.Options.WeightDecay);
            using var average = state.Options.AverageWeightsAfter is null ? null : new WeightAverage(model.parameters());
            TrainingCheckpoint.Load(checkpoint, model, optimizer, average);
            average?.CopyToParameters();
            var evaluator = new SubnetEvaluator(model, images, TrainValidSplit.Create(images.Count, recorded.SplitSeed), scoring);
            return new TrainedSupernet(directory, name ?? Path.GetFullPath(directory), state, model, evaluator, scoring, recorded.SplitSeed, recorded.GroundTruth);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The space the finished run in <paramref name="runDirectory"/> trained, read without data or weights: what a
    /// search checks its own options against before it loads the supernet. The same errors as <see cref="Open"/> for a
    /// folder that holds no finished run.
    /// </summary>
    public static Nb201SearchSpace SpaceOf(string runDirectory) => new(ReadFinished(runDirectory).State.Supernet.OpCount);

    // The run folder's record and checkpoint state, each file's absence or an unfinished run said in one line.
    private static (string Directory, string Checkpoint, RecordedEvaluation Recorded, TrainingCheckpointState State) ReadFinished(string runDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        runDirectory = Path.TrimEndingDirectorySeparator(runDirectory);
        var resultPath = Path.Combine(runDirectory, TrainingRunWriter.ResultFile);
        if (!File.Exists(resultPath))
        {
            throw new FileNotFoundException($"{runDirectory}: no {TrainingRunWriter.ResultFile} (is it a finished run folder?)", resultPath);
        }

        var checkpoint = Path.Combine(runDirectory, TrainingRunSpec.CheckpointFolder);
        if (!TrainingCheckpoint.Exists(checkpoint))
        {
            throw new FileNotFoundException($"{runDirectory}: no {TrainingRunSpec.CheckpointFolder}/ with the trained weights (a run keeps it; a copied run folder may have left it behind)", checkpoint);
        }

        var recorded = RecordedEvaluation.Read(resultPath)
            ?? throw new InvalidDataException($"{resultPath} records no evaluation settings (written before result.json kept them)");
        var state = TrainingCheckpoint.ReadState(checkpoint);
        if (state.CompletedEpochs < state.Options.Epochs)
        {
            throw new InvalidDataException($"{runDirectory}: its checkpoint holds epoch {state.CompletedEpochs} of {state.Options.Epochs}; finish the run before searching or scoring with it");
        }

        return (runDirectory, checkpoint, recorded, state);
    }

    /// <summary>Top-1 accuracy (%) of <paramref name="genotype"/> on the valid images after BN recalibration.</summary>
    public double Accuracy(Nb201Genotype genotype, CancellationToken cancellationToken) => _evaluator.Measure(genotype, cancellationToken).Accuracy;

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();
}
