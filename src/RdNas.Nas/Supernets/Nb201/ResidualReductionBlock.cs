using RdNas.Nas.Modules;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RdNas.Nas.Supernets.Nb201;

/// <summary>
/// NB201's fixed reduction block between stages: ReLU-conv3×3 s2-BN, ReLU-conv3×3-BN, plus a shortcut of
/// 2×2 average pooling and a 1×1 convolution.
/// </summary>
public sealed class ResidualReductionBlock : Module<Tensor, Tensor>
{
    private readonly ReluConvBn conv_a;
    private readonly ReluConvBn conv_b;
    private readonly Module<Tensor, Tensor> downsample;

    /// <summary>
    /// Builds a block from <paramref name="inChannels"/> to <paramref name="outChannels"/>, halving the resolution; its
    /// batch norms learn a scale and shift when <paramref name="affine"/> (the benchmark's networks; the RD-NAS reference
    /// supernet's do not).
    /// </summary>
    public ResidualReductionBlock(long inChannels, long outChannels, bool batchNorm = true, bool affine = true)
        : base(nameof(ResidualReductionBlock))
    {
        conv_a = new ReluConvBn(inChannels, outChannels, 3, 2, 1, affine, batchNorm);
        conv_b = new ReluConvBn(outChannels, outChannels, 3, 1, 1, affine, batchNorm);
        downsample = Sequential(
            ("pool", AvgPool2d(2, stride: 2, padding: 0)),
            ("conv", Conv2d(inChannels, outChannels, 1, bias: false)));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var branch = conv_b.forward(conv_a.forward(input));
        return TensorArithmetic.AddInPlace(downsample.forward(input), branch).MoveToOuterDisposeScope();
    }
}
