using RdNas.Nas.Data;
using RdNas.Nas.Randomness;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;
using RdNas.Nas.Modules;
using static TorchSharp.torch;

namespace RdNas.Nas.Evaluation;

/// <summary>
/// Scores subnets with shared supernet weights: BN statistics gathered during training mix every subnet, so each
/// subnet's running statistics are reset and re-estimated (cumulative average) on the same train batches before its
/// top-1 accuracy and mean cross-entropy on the valid images are measured; or, as the RD-NAS reference code scores,
/// each valid batch is normalised by its own statistics (<see cref="BatchNormStatistics.ValidBatch"/>). With
/// <see cref="EvaluationOptions.FineTuning"/>, each subnet first trains alone for a few steps on weights that are put
/// back after it is scored.
/// </summary>
public sealed class SubnetEvaluator
{
    private readonly Nb201Supernet _model;
    private readonly Cifar10Batcher _batcher;
    private readonly EvaluationOptions _options;
    private readonly int[][] _recalibrationBatches;
    private readonly int[] _validIndices;
    private readonly SubnetFineTuning? _fineTuning;

    /// <summary>Prepares the fixed recalibration batches (from the train half) and valid images, batched where <paramref name="model"/> is.</summary>
    public SubnetEvaluator(Nb201Supernet model, Cifar10Images images, TrainValidSplit split, EvaluationOptions options)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        ArgumentNullException.ThrowIfNull(split);
        _options = (options ?? throw new ArgumentNullException(nameof(options))).Validate();
        _batcher = new Cifar10Batcher(images, model.Device);
        _recalibrationBatches = split.TrainBatches(RandomStreams.Recalibration, options.RecalibrationBatches, options.RecalibrationBatchSize);
        _validIndices = split.Valid[..Math.Min(options.ValidImages ?? split.Valid.Length, split.Valid.Length)];
        if (options.FineTuning is { } fineTuning)
        {
            _fineTuning = new SubnetFineTuning(model, _batcher, split.TrainBatches(RandomStreams.FineTuning, fineTuning.Steps, fineTuning.BatchSize), fineTuning);
        }
    }

    /// <summary>Number of valid images each subnet is scored on.</summary>
    public int ValidImageCount => _validIndices.Length;

    /// <summary>Top-1 accuracy (%) and mean cross-entropy of <paramref name="genotype"/> on the valid images, with the batch-norm statistics the options name.</summary>
    public SubnetMeasurement Measure(Nb201Genotype genotype, CancellationToken cancellationToken = default)
    {
        var batchNorms = _model.modules().OfType<TrackedBatchNorm2d>().ToArray();
        var momenta = batchNorms.Select(bn => bn.Momentum).ToArray();
        try
        {
            using var fineTuned = _fineTuning?.Adapt(genotype, batchNorms, cancellationToken);
            using var noGrad = no_grad();
            if (_options.BatchNorm == BatchNormStatistics.Recalibrated)
            {
                Recalibrate(batchNorms, genotype, cancellationToken);
            }

            return Score(batchNorms, genotype, cancellationToken);
        }
        finally
        {
            for (var i = 0; i < batchNorms.Length; i++)
            {
                batchNorms[i].Momentum = momenta[i];
            }
        }
    }

    private SubnetMeasurement Score(TrackedBatchNorm2d[] batchNorms, Nb201Genotype genotype, CancellationToken cancellationToken)
    {
        if (_options.BatchNorm == BatchNormStatistics.ValidBatch)
        {
            // Batch norms in training mode normalise with the batch's own statistics. Their running statistics move,
            // which callers that must keep them take a RunningStatisticsSnapshot for, as they do for recalibration.
            TrainBatchNormsOnly(_model, batchNorms);
        }
        else
        {
            _model.eval();
        }

        long correct = 0;
        var lossSum = 0.0;
        for (var start = 0; start < _validIndices.Length; start += _options.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var (images, labels) = _batcher.Batch(_validIndices.AsSpan(start, Math.Min(_options.BatchSize, _validIndices.Length - start)), null);
            var logits = _model.forward(images, genotype);
            correct += logits.argmax(1).eq(labels).sum().item<long>();
            lossSum += nn.functional.cross_entropy(logits, labels, reduction: nn.Reduction.Sum).item<float>();
        }

        return new SubnetMeasurement(100.0 * correct / _validIndices.Length, lossSum / _validIndices.Length);
    }

    private void Recalibrate(TrackedBatchNorm2d[] batchNorms, Nb201Genotype genotype, CancellationToken cancellationToken)
    {
        foreach (var bn in batchNorms)
        {
            bn.ResetRunningStats();
        }

        TrainBatchNormsOnly(_model, batchNorms);

        for (var k = 0; k < _recalibrationBatches.Length; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Momentum 1/(k+1) on batch k makes the running statistics the plain mean over the recalibration batches
            // (PyTorch's momentum=None).
            foreach (var bn in batchNorms)
            {
                bn.Momentum = 1.0 / (k + 1);
            }

            using var scope = NewDisposeScope();
            var (images, _) = _batcher.Batch(_recalibrationBatches[k], null);
            _model.forward(images, genotype);
        }
    }

    /// <summary>
    /// Puts <paramref name="model"/> in evaluation mode but its <paramref name="batchNorms"/> in training mode: what
    /// scoring does to a subnet must not draw dropout masks, or evaluating mid-run would move the training run's
    /// dropout stream.
    /// </summary>
    internal static void TrainBatchNormsOnly(Nb201Supernet model, TrackedBatchNorm2d[] batchNorms)
    {
        model.eval();
        foreach (var bn in batchNorms)
        {
            bn.train();
        }
    }
}
