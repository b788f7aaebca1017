using RdNas.Nas.Modules;
using static TorchSharp.torch;

namespace RdNas.Nas.Evaluation;

/// <summary>
/// A copy of every batch norm's running statistics, put back on dispose: an evaluation in the middle of training
/// recalibrates them per subnet, and training must go on (and resume from checkpoints) as if it had not happened.
/// </summary>
public sealed class RunningStatisticsSnapshot : IDisposable
{
    private readonly TensorSnapshot _saved;

    /// <summary>Copies the running statistics of every <see cref="TrackedBatchNorm2d"/> in <paramref name="model"/>.</summary>
    public RunningStatisticsSnapshot(nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _saved = new TensorSnapshot(model.modules().OfType<TrackedBatchNorm2d>().SelectMany(bn => bn.buffers()));
    }

    /// <summary>Restores the statistics and frees the copies.</summary>
    public void Dispose() => _saved.Dispose();
}
