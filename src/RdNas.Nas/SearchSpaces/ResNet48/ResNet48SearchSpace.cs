using System.Numerics;
using RdNas.Nas.Randomness;

namespace RdNas.Nas.SearchSpaces.ResNet48;

/// <summary>
/// The ResNet48 space of the CVPR 2022 NAS competition, Track 1: per stage a depth (2–5, 2–5, 2–8, 2–5), a width code
/// (1..7) for every block's first convolution and one for the stage's second convolutions (stage 1's is the stem's).
/// About 1.2 × 10²³ architectures, so it is sampled, never enumerated.
/// </summary>
public static class ResNet48SearchSpace
{
    /// <summary>Number of distinct codes: Σ over depth choices of 7^(stem + 3 shared stage widths + one per block).</summary>
    public static BigInteger Size { get; } = CountArchitectures();

    /// <summary>Parses and validates a 52-digit code.</summary>
    public static ResNet48Genotype Parse(string code) => ResNet48Genotype.Parse(code);

    /// <summary>
    /// A random architecture drawn as the competition's supernet code draws one: each stage's depth uniform over its
    /// range, then every width code uniform over 1..7 (so architectures are not equally likely: shallow ones are).
    /// </summary>
    public static ResNet48Genotype Sample(SeededGenerator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var depths = new int[ResNet48Stages.Count];
        for (var stage = 0; stage < depths.Length; stage++)
        {
            depths[stage] = ResNet48Stages.MinDepth + generator.NextInt(ResNet48Stages.MaxDepths[stage] - ResNet48Stages.MinDepth + 1);
        }

        var widths = ResNet48Stages.WidthRatios.Count;
        var stem = 1 + generator.NextInt(widths);
        var conv1 = new IReadOnlyList<int>[ResNet48Stages.Count];
        var conv2 = new int[ResNet48Stages.Count];
        for (var stage = 0; stage < depths.Length; stage++)
        {
            conv1[stage] = [.. Enumerable.Range(0, depths[stage]).Select(_ => 1 + generator.NextInt(widths))];
            conv2[stage] = stage == 0 ? stem : 1 + generator.NextInt(widths);
        }

        return ResNet48Genotype.Create(depths, stem, conv1, conv2);
    }

    private static BigInteger CountArchitectures()
    {
        var perDepthSum = new BigInteger[1 + ResNet48Stages.MaxDepths.Sum()];
        perDepthSum[0] = 1;
        foreach (var maxDepth in ResNet48Stages.MaxDepths)
        {
            var next = new BigInteger[perDepthSum.Length];
            for (var total = 0; total < perDepthSum.Length; total++)
            {
                for (var depth = ResNet48Stages.MinDepth; depth <= maxDepth && total + depth < next.Length; depth++)
                {
                    next[total + depth] += perDepthSum[total];
                }
            }

            perDepthSum = next;
        }

        var widths = ResNet48Stages.WidthRatios.Count;
        BigInteger size = 0;
        for (var blocks = 0; blocks < perDepthSum.Length; blocks++)
        {
            size += perDepthSum[blocks] * BigInteger.Pow(widths, 1 + (ResNet48Stages.Count - 1) + blocks);
        }

        return size;
    }
}
