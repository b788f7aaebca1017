using RdNas.Nas.Data;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;
using RdNas.Nas.Modules;
using RdNas.Nas.Training;
using static TorchSharp.torch;

namespace RdNas.Nas.Evaluation;

/// <summary>
/// Adapts the shared weights to one subnet before it is scored: a few SGD steps of that subnet alone, on the same
/// un-augmented train batches for every subnet, after which <see cref="Adapt"/>'s handle puts the weights back. Weight
/// sharing trains each operation to serve every subnet it appears in; a short stand-alone adjustment lets a subnet
/// show what its own operations can do together (the one-shot estimator with fine-tuning of the few-shot and
/// performance-estimator literature), at the cost of the steps.
/// </summary>
/// <remarks>
/// Only the batch norms run in training mode, as in BN recalibration (<see cref="SubnetEvaluator.TrainBatchNormsOnly"/>).
/// Their running statistics move; the evaluator re-estimates them afterwards.
/// </remarks>
internal sealed class SubnetFineTuning
{
    private readonly Nb201Supernet _model;
    private readonly Cifar10Batcher _batcher;
    private readonly SubnetFineTuningOptions _options;
    private readonly int[][] _batches;

    public SubnetFineTuning(Nb201Supernet model, Cifar10Batcher batcher, int[][] batches, SubnetFineTuningOptions options)
    {
        _model = model;
        _batcher = batcher;
        _options = options; // validated with the EvaluationOptions that hold it
        _batches = batches;
    }

    /// <summary>Fine-tunes <paramref name="genotype"/>'s weights; disposing the result restores them.</summary>
    public IDisposable Adapt(Nb201Genotype genotype, TrackedBatchNorm2d[] batchNorms, CancellationToken cancellationToken)
    {
        var parameters = _model.SubnetModules(genotype).SelectMany(module => module.parameters(recurse: false)).ToArray();
        var restore = new TensorSnapshot(parameters);
        try
        {
            using var optimizer = new MomentumSgd(parameters, _options.LearningRate, _options.Momentum, _options.WeightDecay);
            SubnetEvaluator.TrainBatchNormsOnly(_model, batchNorms);

            foreach (var batch in _batches)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var scope = NewDisposeScope();
                var (images, labels) = _batcher.Batch(batch, null);
                _model.zero_grad(set_to_none: true);
                nn.functional.cross_entropy(_model.forward(images, genotype), labels).backward();
                optimizer.Step();
            }

            _model.zero_grad(set_to_none: true);
            return restore;
        }
        catch
        {
            restore.Dispose();
            throw;
        }
    }
}
