using RdNas.Nas.Modules;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RdNas.Nas.Supernets.Nb201;

/// <summary>NB201's ReLU → Conv → BN block (no conv bias).</summary>
public sealed class ReluConvBn : Module<Tensor, Tensor>
{
    private readonly Module<Tensor, Tensor> op;

    /// <summary>Builds the block.</summary>
    public ReluConvBn(long inChannels, long outChannels, long kernel, long stride, long padding, bool affine, bool batchNorm = true)
        : base(nameof(ReluConvBn))
    {
        op = Sequential(
            ("relu", ReLU()),
            ("conv", Conv2d(inChannels, outChannels, kernel, stride: stride, padding: padding, bias: false)),
            ("bn", OptionalBatchNorm.Create(outChannels, affine, batchNorm)));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => op.forward(input);
}
