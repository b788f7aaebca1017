using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RdNas.Nas.Modules;

/// <summary>
/// A network's normalisation layer: batch norm, or nothing when the network is built BN-free (Synflow scores networks
/// without batch norm, and the layer's absence must not change any other parameter's name).
/// </summary>
public static class OptionalBatchNorm
{
    /// <summary>A <see cref="TrackedBatchNorm2d"/> of <paramref name="channels"/>, or a pass-through when <paramref name="batchNorm"/> is false.</summary>
    public static Module<Tensor, Tensor> Create(long channels, bool affine, bool batchNorm) =>
        batchNorm ? new TrackedBatchNorm2d(channels, affine: affine) : new PassThrough();

    private sealed class PassThrough() : Module<Tensor, Tensor>(nameof(PassThrough))
    {
        public override Tensor forward(Tensor input) => input.alias();
    }
}
