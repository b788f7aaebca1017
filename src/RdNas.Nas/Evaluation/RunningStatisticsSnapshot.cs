using RdNas.Nas.Modules;
using static TorchSharp.torch;

namespace RdNas.Nas.Evaluation;

/// <summary>
/// A copy of every batch norm's running statistics, put back on dispose: an evaluation in the middle of training
/// recalibrates them per subnet, and training must go on (and resume from checkpoints) as if it had not happened.
/// </summary>
public sealed class RunningStatisticsSnapshot : IDisposable
{
    private readonly List<(TrackedBatchNorm2d Layer, Tensor[] Saved)> _saved;

    /// <summary>Copies the running statistics of every <see cref="TrackedBatchNorm2d"/> in <paramref name="model"/>.</summary>
    public RunningStatisticsSnapshot(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var noGrad = no_grad();
        _saved = [.. model.modules().OfType<TrackedBatchNorm2d>().Select(bn => (bn, bn.buffers().Select(b => b.clone().DetachFromDisposeScope()).ToArray()))];
    }

    /// <summary>Restores the statistics and frees the copies.</summary>
    public void Dispose()
    {
        using var noGrad = no_grad();
        foreach (var (layer, saved) in _saved)
        {
            foreach (var (buffer, copy) in layer.buffers().Zip(saved))
            {
                buffer.copy_(copy);
                copy.Dispose();
            }
        }

        _saved.Clear();
    }
}
