using RdNas.Nas.Modules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RdNas.Nas.Networks.ResNet48;

/// <summary>
/// The competition's basic block: conv3×3 (stride s) → BN → ReLU → conv3×3 → BN, added to the input (through a 1×1
/// convolution + BN where the stride or the width changes), then ReLU. No convolution has a bias.
/// </summary>
public sealed class ResNet48BasicBlock : Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly Module<Tensor, Tensor> bn1;
    private readonly Conv2d conv2;
    private readonly Module<Tensor, Tensor> bn2;
    private readonly Sequential? downsample;

    /// <summary>A block from <paramref name="inChannels"/> through <paramref name="middleChannels"/> to <paramref name="outChannels"/>.</summary>
    public ResNet48BasicBlock(long inChannels, long middleChannels, long outChannels, long stride, bool batchNorm)
        : base(nameof(ResNet48BasicBlock))
    {
        conv1 = Conv2d(inChannels, middleChannels, 3, stride: stride, padding: 1, bias: false);
        bn1 = OptionalBatchNorm.Create(middleChannels, affine: true, batchNorm);
        conv2 = Conv2d(middleChannels, outChannels, 3, padding: 1, bias: false);
        bn2 = OptionalBatchNorm.Create(outChannels, affine: true, batchNorm);
        if (stride != 1 || inChannels != outChannels)
        {
            downsample = Sequential(
                ("conv", Conv2d(inChannels, outChannels, 1, stride: stride, bias: false)),
                ("bn", OptionalBatchNorm.Create(outChannels, affine: true, batchNorm)));
        }

        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var branch = bn2.forward(conv2.forward(functional.relu(bn1.forward(conv1.forward(input)))));
        var shortcut = downsample is null ? input : downsample.forward(input);
        return functional.relu(TensorArithmetic.Add(shortcut, branch)).MoveToOuterDisposeScope();
    }
}
