using RdNas.Nas.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RdNas.Nas.Supernets.Nb201;

/// <summary>The normalisation layer of every NB201 block: batch norm, or nothing when the network is built BN-free.</summary>
internal static class Nb201Norm
{
    public static Module<Tensor, Tensor> Create(long channels, bool affine, bool batchNorm) =>
        batchNorm ? new TrackedBatchNorm2d(channels, affine: affine) : new IdentityOp();
}
