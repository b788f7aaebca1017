using RdNas.Nas.Modules;
using RdNas.Nas.SearchSpaces.ResNet48;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RdNas.Nas.Networks.ResNet48;

/// <summary>
/// The stand-alone network of one ResNet48 architecture, as the competition's model code builds it (and as
/// <see cref="ResNet48CostModel"/> counts it): stem conv7×7 s2 + BN + ReLU + max-pool 3×3 s2, the architecture's
/// basic blocks stage by stage, global average pool and a linear head. Any input side that is a multiple of 32 works
/// (224 is the competition's); the feature map before pooling is side/32 on a side.
/// </summary>
public sealed class ResNet48Network : Module<Tensor, Tensor>
{
    private readonly Sequential stem;
    private readonly ModuleList<ResNet48BasicBlock> blocks;
    private readonly Linear classifier;

    /// <summary>Builds the network of <paramref name="genotype"/>; weights come from TorchSharp's default initialisation under the global seed.</summary>
    public ResNet48Network(ResNet48Genotype genotype, bool batchNorm = true, int classCount = 1000)
        : base(nameof(ResNet48Network))
    {
        ArgumentNullException.ThrowIfNull(genotype);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        long channels = genotype.StemChannels;
        stem = Sequential(
            ("conv", Conv2d(3, channels, 7, stride: 2, padding: 3, bias: false)),
            ("bn", OptionalBatchNorm.Create(channels, affine: true, batchNorm)),
            ("relu", ReLU()),
            ("pool", MaxPool2d(3, stride: 2, padding: 1)));
        var built = new List<ResNet48BasicBlock>();
        for (var stage = 0; stage < ResNet48Stages.Count; stage++)
        {
            long output = genotype.OutputChannels(stage);
            for (var block = 0; block < genotype.Depth(stage); block++)
            {
                var stride = block == 0 ? ResNet48Stages.Strides[stage] : 1;
                built.Add(new ResNet48BasicBlock(channels, genotype.Conv1Channels(stage, block), output, stride, batchNorm));
                channels = output;
            }
        }

        blocks = ModuleList([.. built]);
        classifier = Linear(channels, classCount);
        RegisterComponents();
    }

    /// <summary>A network of <paramref name="genotype"/> initialised from <paramref name="seed"/>, in <paramref name="dtype"/>.</summary>
    public static ResNet48Network Create(ResNet48Genotype genotype, long seed, ScalarType dtype = ScalarType.Float32, bool batchNorm = true) =>
        SeededConstruction.Build(seed, dtype, () => new ResNet48Network(genotype, batchNorm));

    /// <summary>Logits for a batch of images (batch, 3, side, side).</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var pooled = functional.adaptive_avg_pool2d(Features(input), 1).flatten(1);
        return classifier.forward(pooled).MoveToOuterDisposeScope();
    }

    /// <summary>The feature map after the last block, before global average pooling: (batch, channels, side/32, side/32). Zen-NAS scores this map.</summary>
    public Tensor Features(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 4 || input.shape[1] != 3 || input.shape[2] % 32 != 0 || input.shape[3] % 32 != 0)
        {
            throw new ArgumentException($"expected images (batch, 3, side, side) with sides a multiple of 32, got ({string.Join(", ", input.shape)})", nameof(input));
        }

        using var scope = NewDisposeScope();
        var x = stem.forward(input);
        foreach (var block in blocks)
        {
            x = block.forward(x);
        }

        return x.MoveToOuterDisposeScope();
    }
}
