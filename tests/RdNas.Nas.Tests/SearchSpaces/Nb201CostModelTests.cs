using RdNas.Nas.GroundTruth;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Tests.SearchSpaces;

public sealed class Nb201CostModelTests
{
    private const string AllConv3x3 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";
    private const string AllSkip = "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|";

    [Fact]
    public void ParamsMillions_AllConv3x3_MatchesHandCount()
    {
        // Cells 5·6·(9c² + 2c) for c = 16, 32, 64 → 1,458,240; stem 464; reductions 14,464 + 57,600; head 778.
        Assert.Equal(1.531546, Nb201CostModel.ParamsMillions(Nb201Genotype.Parse(AllConv3x3)), 9);
    }

    [Fact]
    public void ParamsMillions_AllSkip_IsTheSkeletonAlone()
    {
        Assert.Equal(0.073306, Nb201CostModel.ParamsMillions(Nb201Genotype.Parse(AllSkip)), 9);
    }

    [Fact]
    public void Mflops_TinyTwoCellNetwork_MatchesHandCount()
    {
        // C=1, N=1, 2 classes, every edge skip: stem 9·3·1024 + 2·1024 = 29,696; reduction 1→2 at 16×16:
        // ReLU 1024 + conv 9·2·256 + BN 1,024 = 6,656, ReLU 512 + conv 9·4·256 + BN 1,024 = 10,752, pool 1,024 + 1×1
        // conv 512; reduction 2→4 at 8×8: ReLU 512 + 4,608 + 512 = 5,632, ReLU 256 + 9,216 + 512 = 9,984, pool 512
        // + 512; head 4·64 = 256 elements ·4 = 1,024; linear 4·2 + 2 = 10.
        const long Expected = 29_696 + 6_656 + 10_752 + 1_024 + 512 + 5_632 + 9_984 + 512 + 512 + 1_024 + 10;
        Assert.Equal(Expected / 1e6, Nb201CostModel.Mflops(Nb201Genotype.Parse(AllSkip), width: 1, cellsPerStage: 1, classes: 2), 12);
    }

    [Fact]
    public void CostModel_EveryCellWithPublishedValues_AgreesWithNb201()
    {
        var table = Nb201GroundTruth.Load(TestData.Real());
        var compared = 0;
        foreach (var cell in new Nb201SearchSpace(5).Enumerate())
        {
            var publishedParams = table.Lookup(cell, "params_c10");
            if (double.IsNaN(publishedParams))
            {
                continue;
            }

            compared++;
            Assert.Equal(publishedParams, Nb201CostModel.ParamsMillions(cell), 6);
            Assert.InRange(Nb201CostModel.Mflops(cell) - table.Lookup(cell, "flops_c10"), -0.0011, 0.0011);
        }

        Assert.Equal(9_445, compared);
    }
}
