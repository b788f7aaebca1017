namespace RdNas.Nas.SearchSpaces.ResNet48;

/// <summary>
/// Analytical size and cost of a ResNet48 architecture as the competition's model code builds it: stem conv7×7 s2 +
/// BN + ReLU + max-pool s2, basic blocks (conv3×3-BN-ReLU-conv3×3-BN plus a 1×1 conv + BN projection where the stride
/// or the width changes), global average pool and a 1,000-way linear head; 224×224 input.
/// </summary>
/// <remarks>
/// FLOPs are the multiply-adds of the convolutions and the linear layer (the convention behind torchvision's
/// "1.81 GFLOPS" for ResNet-18, which is this space's depth-2, full-width architecture); parameters count
/// convolution weights, BN's scale and shift, and the head's weights and bias.
/// </remarks>
public static class ResNet48CostModel
{
    private const int Classes = 1000;

    /// <summary>Parameters, in millions.</summary>
    public static double ParamsMillions(ResNet48Genotype genotype) => Count(genotype).Params / 1e6;

    /// <summary>Forward multiply-adds of one 224×224 image, in millions.</summary>
    public static double Mflops(ResNet48Genotype genotype) => Count(genotype).MultiplyAdds / 1e6;

    private static (long Params, long MultiplyAdds) Count(ResNet48Genotype genotype)
    {
        ArgumentNullException.ThrowIfNull(genotype);
        var side = ResNet48Stages.ImageSide / 2;
        long channels = genotype.StemChannels;
        var total = Convolution(3, channels, 7, side);
        side /= 2; // max-pool
        for (var stage = 0; stage < ResNet48Stages.Count; stage++)
        {
            long output = genotype.OutputChannels(stage);
            for (var block = 0; block < genotype.Depth(stage); block++)
            {
                var stride = block == 0 ? ResNet48Stages.Strides[stage] : 1;
                side /= stride;
                long middle = genotype.Conv1Channels(stage, block);
                total = Add(total, Convolution(channels, middle, 3, side));
                total = Add(total, Convolution(middle, output, 3, side));
                if (stride != 1 || channels != output)
                {
                    total = Add(total, Convolution(channels, output, 1, side));
                }

                channels = output;
            }
        }

        return Add(total, ((channels * Classes) + Classes, channels * Classes));
    }

    private static (long Params, long MultiplyAdds) Convolution(long input, long output, long kernel, long outputSide) =>
        ((kernel * kernel * input * output) + (2 * output), kernel * kernel * input * output * outputSide * outputSide);

    private static (long, long) Add((long Params, long MultiplyAdds) a, (long Params, long MultiplyAdds) b) =>
        (a.Params + b.Params, a.MultiplyAdds + b.MultiplyAdds);
}
