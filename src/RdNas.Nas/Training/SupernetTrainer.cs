using RdNas.Nas.Data;
using RdNas.Nas.Randomness;
using RdNas.Nas.Supernets.Nb201;
using RdNas.Nas.Training.Methods;
using static TorchSharp.torch;

namespace RdNas.Nas.Training;

/// <summary>
/// Trains an NB201 supernet with a training method (SPOS, FairNAS, sandwich, RD-NAS) deciding what each step
/// back-propagates; SGD with momentum and weight decay, cosine learning rate per epoch. Runs synchronously on the caller's thread, which must
/// be a dedicated one: a step takes hundreds of milliseconds of native work.
/// </summary>
public sealed class SupernetTrainer : IDisposable
{
    private readonly Nb201Supernet _model;
    private readonly MomentumSgd _optimizer;
    private readonly Cifar10Batcher _batcher;
    private readonly int[] _trainIndices;
    private readonly ITrainingMethod _method;
    private readonly WeightAverage? _average;
    private SeededGenerator _dataGenerator;
    private SeededGenerator _subnetGenerator;

    /// <summary>
    /// Builds the supernet (weights seeded by <see cref="TrainingOptions.Seed"/>) on <paramref name="device"/> (default:
    /// the CPU) and the optimiser over the train images <paramref name="trainIndices"/> of <paramref name="images"/>.
    /// </summary>
    public SupernetTrainer(Nb201SupernetOptions supernet, TrainingOptions options, ITrainingMethod method, Cifar10Images images, IReadOnlyList<int> trainIndices, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(supernet);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(trainIndices);
        Options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        Supernet = supernet.Validate();
        _method = method ?? throw new ArgumentNullException(nameof(method));
        var count = Math.Min(options.TrainImages ?? trainIndices.Count, trainIndices.Count);
        if (count < options.BatchSize)
        {
            throw new ArgumentException($"{count} training images cannot fill one batch of {options.BatchSize}", nameof(trainIndices));
        }

        _trainIndices = [.. trainIndices.Take(count)];
        _model = Nb201NetworkFactory.Create(supernet, options.Seed, device: device);
        _batcher = new Cifar10Batcher(images, _model.Device);
        _optimizer = new MomentumSgd(_model.parameters(), options.LearningRate, options.Momentum, options.WeightDecay, options.UpdateUnusedParameters);
        _average = options.AverageWeightsAfter is null ? null : new WeightAverage(_model.parameters());
        _dataGenerator = new SeededGenerator(options.Seed, RandomStreams.TrainData);
        _subnetGenerator = new SeededGenerator(options.Seed, RandomStreams.TrainSubnets);
        _model.DropoutGenerator = new SeededGenerator(options.Seed, RandomStreams.HeadDropout);
    }

    /// <summary>The hyperparameters of this run.</summary>
    public TrainingOptions Options { get; }

    /// <summary>The supernet's shape.</summary>
    public Nb201SupernetOptions Supernet { get; }

    /// <summary>The model being trained; callers evaluate it between epochs.</summary>
    public Nb201Supernet Model => _model;

    /// <summary>Epochs finished so far (also after resuming from a checkpoint).</summary>
    public int CompletedEpochs { get; private set; }

    /// <summary>Wall-clock seconds spent in finished epochs, carried across resumes.</summary>
    public double TrainingSeconds { get; private set; }

    /// <summary>Steps in one epoch (the last partial batch is dropped so every step sees a full batch).</summary>
    public int StepsPerEpoch => _trainIndices.Length / Options.BatchSize;

    /// <summary>Trains the next epoch and returns its mean loss and accuracy.</summary>
    public TrainingProgress TrainEpoch(IProgress<TrainingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (CompletedEpochs >= Options.Epochs)
        {
            throw new InvalidOperationException($"all {Options.Epochs} epochs are already trained");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var epoch = CompletedEpochs;
        var learningRate = Options.LearningRateAt(epoch);
        _optimizer.LearningRate = learningRate;

        _model.train();
        var order = (int[])_trainIndices.Clone();
        _dataGenerator.Shuffle<int>(order);
        double lossSum = 0, accuracySum = 0;
        var state = new TrainingProgress(epoch, Options.Epochs, 0, StepsPerEpoch, 0, 0, learningRate);
        for (var step = 0; step < StepsPerEpoch; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcome = Step(order.AsSpan(step * Options.BatchSize, Options.BatchSize), epoch);
            lossSum += outcome.Loss;
            accuracySum += outcome.Accuracy;
            state = state with { Step = step + 1, Loss = lossSum / (step + 1), Accuracy = accuracySum / (step + 1) };
            progress?.Report(state);
        }

        CompletedEpochs++;
        if (_average is not null && CompletedEpochs > Options.AverageWeightsAfter)
        {
            _average.Add();
        }

        TrainingSeconds += watch.Elapsed.TotalSeconds;
        return state;
    }

    /// <summary>Saves everything a resumed run needs to end bit-identical to an uninterrupted one.</summary>
    public void SaveCheckpoint(string directory) =>
        TrainingCheckpoint.Save(directory, _model, _optimizer, new TrainingCheckpointState(
            CompletedEpochs, TrainingSeconds, Supernet, Options, _method.Description, _dataGenerator.State, _subnetGenerator.State,
            Supernet.HeadDropout > 0 ? _model.DropoutGenerator!.State : null), _average);

    /// <summary>Restores a checkpoint written by a run with the same options; other options are an error.</summary>
    public void LoadCheckpoint(string directory)
    {
        var state = TrainingCheckpoint.Load(directory, _model, _optimizer, _average);
        if (state.Supernet != Supernet || state.Options != Options || state.Sampler != _method.Description)
        {
            var differences = SettingDifferences.Of(state.Supernet, Supernet).Concat(SettingDifferences.Of(state.Options, Options))
                .Prepend(state.Sampler == _method.Description ? null : $"method {state.Sampler} there, {_method.Description} here")
                .OfType<string>();
            throw new InvalidOperationException(
                $"checkpoint {directory} was written by a different run: {string.Join("; ", differences)} (resume it with the settings it was started with, or train in another folder)");
        }

        CompletedEpochs = state.CompletedEpochs;
        TrainingSeconds = state.TrainingSeconds;
        _dataGenerator = SeededGenerator.FromState(state.DataGenerator);
        _subnetGenerator = SeededGenerator.FromState(state.SubnetGenerator);
        if (Supernet.HeadDropout > 0)
        {
            _model.DropoutGenerator = SeededGenerator.FromState(state.DropoutGenerator
                ?? throw new InvalidDataException($"checkpoint {directory} holds no dropout generator state, and this run's supernet drops out"));
        }
    }

    /// <summary>
    /// Puts the weights the run is evaluated with into the model once all epochs are trained: the weight average when
    /// the options ask for one (the checkpoint keeps the last weights, so a resumed run averages the same way), else
    /// the last weights, untouched.
    /// </summary>
    public void UseFinalWeights()
    {
        if (CompletedEpochs < Options.Epochs)
        {
            throw new InvalidOperationException($"{CompletedEpochs} of {Options.Epochs} epochs trained: the final weights do not exist yet");
        }

        _average?.CopyToParameters();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _average?.Dispose();
        _optimizer.Dispose();
        _model.Dispose();
    }

    private StepOutcome Step(ReadOnlySpan<int> batch, int epoch)
    {
        using var scope = NewDisposeScope();
        var (images, labels) = _batcher.Batch(batch, _dataGenerator);
        // Gradients are cleared to none, not zero: the optimizer decides what a skipped op gets (nothing, as in PyTorch 2,
        // or PyTorch 1's zero-gradient step), from its saved state, so a resumed run steps identically either way.
        _model.zero_grad(set_to_none: true);
        var outcome = _method.Train(new TrainingStep(_model, images, labels, _subnetGenerator, epoch, Options.Epochs));
        _optimizer.Step();
        return outcome;
    }
}
