using RdNas.Nas.Evaluation;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Tests.Evaluation;

public sealed class OperationBiasTests
{
    // Four cells with 0..3 skip connections (the other edges 3×3 convolutions, then 1×1 ones).
    private static readonly Nb201Genotype[] s_cells =
    [
        Nb201Genotype.Parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_1x1~2|"),
        Nb201Genotype.Parse("|skip_connect~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_1x1~2|"),
        Nb201Genotype.Parse("|skip_connect~0|+|skip_connect~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_1x1~2|"),
        Nb201Genotype.Parse("|skip_connect~0|+|skip_connect~0|skip_connect~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_1x1~2|"),
    ];

    [Fact]
    public void Compute_SupernetRewardsWhatTrainingPunishes_CorrelationsOfOppositeSignAndTheRankErrorFollowsTheCount()
    {
        // The supernet rates skip-heavy cells best; fully trained, they are the worst.
        var biases = OperationBias.Compute(s_cells, supernet: [60, 61, 62, 63], groundTruth: [90, 85, 80, 70]);

        // nor_conv_1x1 is in every cell once and avg_pool_3x3 in none: their counts do not vary, so they say nothing.
        Assert.Equal([Nb201Op.SkipConnect, Nb201Op.NorConv3x3], biases.Select(b => b.Op));
        var skip = biases[0];
        Assert.Equal(1.0, skip.SupernetCorrelation, 12);
        Assert.Equal(-0.9827076298239907, skip.GroundTruthCorrelation, 12); // counts 0..3 against 90, 85, 80, 70 by hand
        Assert.Equal(1.0, skip.RankErrorCorrelation, 12); // rank errors −3, −1, 1, 3 (ranks 1..4 against 4..1)
        var conv = biases[1];
        Assert.Equal(-1.0, conv.SupernetCorrelation, 12); // 5 − skips: the mirror image
        Assert.Equal(-skip.GroundTruthCorrelation, conv.GroundTruthCorrelation, 12);
    }

    [Fact]
    public void Compute_ListsOfDifferentLengths_AreRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => OperationBias.Compute(s_cells, [60, 61, 62], [90, 85, 80, 70]));

        Assert.Equal("4 cells, 3 supernet accuracies and 4 ground-truth values: one of each per cell", error.Message);
    }
}
