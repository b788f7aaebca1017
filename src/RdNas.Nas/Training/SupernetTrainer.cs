using RdNas.Nas.Data;
using RdNas.Nas.Randomness;
using RdNas.Nas.Sampling;
using RdNas.Nas.Supernets.Nb201;
using static TorchSharp.torch;

namespace RdNas.Nas.Training;

/// <summary>
/// Trains an NB201 supernet one sampled subnet per step (SPOS with the uniform sampler): cross-entropy, SGD with
/// momentum and weight decay, cosine learning rate per epoch. Runs synchronously on the caller's thread, which must
/// be a dedicated one: a step takes hundreds of milliseconds of native work.
/// </summary>
public sealed class SupernetTrainer : IDisposable
{
    private readonly Nb201Supernet _model;
    private readonly MomentumSgd _optimizer;
    private readonly Cifar10Batcher _batcher;
    private readonly int[] _trainIndices;
    private readonly ISubnetSampler _sampler;
    private SeededGenerator _dataGenerator;
    private SeededGenerator _subnetGenerator;

    /// <summary>
    /// Builds the supernet (weights seeded by <see cref="TrainingOptions.Seed"/>) and the optimiser over the train
    /// images <paramref name="trainIndices"/> of <paramref name="images"/>.
    /// </summary>
    public SupernetTrainer(Nb201SupernetOptions supernet, TrainingOptions options, ISubnetSampler sampler, Cifar10Images images, IReadOnlyList<int> trainIndices)
    {
        ArgumentNullException.ThrowIfNull(supernet);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(trainIndices);
        Options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        Supernet = supernet.Validate();
        _sampler = sampler ?? throw new ArgumentNullException(nameof(sampler));
        var count = Math.Min(options.TrainImages ?? trainIndices.Count, trainIndices.Count);
        if (count < options.BatchSize)
        {
            throw new ArgumentException($"{count} training images cannot fill one batch of {options.BatchSize}", nameof(trainIndices));
        }

        _trainIndices = [.. trainIndices.Take(count)];
        _batcher = new Cifar10Batcher(images);
        _model = Nb201NetworkFactory.Create(supernet, options.Seed);
        _optimizer = new MomentumSgd(_model.parameters(), options.LearningRate, options.Momentum, options.WeightDecay);
        _dataGenerator = new SeededGenerator(options.Seed, RandomStreams.TrainData);
        _subnetGenerator = new SeededGenerator(options.Seed, RandomStreams.TrainSubnets);
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
        double lossSum = 0, correct = 0;
        var state = new TrainingProgress(epoch, Options.Epochs, 0, StepsPerEpoch, 0, 0, learningRate);
        for (var step = 0; step < StepsPerEpoch; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (loss, hits) = Step(order.AsSpan(step * Options.BatchSize, Options.BatchSize));
            lossSum += loss;
            correct += hits;
            state = state with { Step = step + 1, Loss = lossSum / (step + 1), Accuracy = correct / ((step + 1) * Options.BatchSize) };
            progress?.Report(state);
        }

        CompletedEpochs++;
        TrainingSeconds += watch.Elapsed.TotalSeconds;
        return state;
    }

    /// <summary>Saves everything a resumed run needs to end bit-identical to an uninterrupted one.</summary>
    public void SaveCheckpoint(string directory) =>
        TrainingCheckpoint.Save(directory, _model, _optimizer, new TrainingCheckpointState(
            CompletedEpochs, TrainingSeconds, Supernet, Options, _sampler.Name, _dataGenerator.State, _subnetGenerator.State));

    /// <summary>Restores a checkpoint written by a run with the same options; other options are an error.</summary>
    public void LoadCheckpoint(string directory)
    {
        var state = TrainingCheckpoint.Load(directory, _model, _optimizer);
        if (state.Supernet != Supernet || state.Options != Options || state.Sampler != _sampler.Name)
        {
            throw new InvalidOperationException(
                $"checkpoint {directory} was written by a different run ({state.Sampler}, {state.Supernet}, {state.Options}); this run is ({_sampler.Name}, {Supernet}, {Options})");
        }

        CompletedEpochs = state.CompletedEpochs;
        TrainingSeconds = state.TrainingSeconds;
        _dataGenerator = SeededGenerator.FromState(state.DataGenerator);
        _subnetGenerator = SeededGenerator.FromState(state.SubnetGenerator);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _optimizer.Dispose();
        _model.Dispose();
    }

    private (double Loss, int Correct) Step(ReadOnlySpan<int> batch)
    {
        using var scope = NewDisposeScope();
        var (images, labels) = _batcher.Batch(batch, _dataGenerator);
        var genotype = _sampler.NextSubnet(_subnetGenerator);
        // Gradients are cleared to none, not zero: ops the sampled subnet skips then get no weight decay or momentum
        // update (as in PyTorch 2), and a resumed run, whose unused ops never had a gradient, steps identically.
        _model.zero_grad(set_to_none: true);
        var logits = _model.forward(images, genotype);
        var loss = nn.functional.cross_entropy(logits, labels);
        loss.backward();
        _optimizer.Step();
        var hits = logits.argmax(1).eq(labels).sum().item<long>();
        return (loss.item<float>(), (int)hits);
    }
}
