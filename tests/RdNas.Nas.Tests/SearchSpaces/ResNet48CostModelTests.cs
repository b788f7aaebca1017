using RdNas.Nas.SearchSpaces.ResNet48;

namespace RdNas.Nas.Tests.SearchSpaces;

public sealed class ResNet48CostModelTests
{
    [Theory]
    [InlineData(new[] { 2, 2, 2, 2 }, 11.689512, 1814.073344)] // torchvision ResNet-18: 11,689,512 parameters, 1.81 GFLOPS
    [InlineData(new[] { 3, 4, 6, 3 }, 21.797672, 3663.761408)] // torchvision ResNet-34: 21,797,672 parameters, 3.66 GFLOPS
    public void Count_FullWidthArchitecture_IsTheClassicResNet(int[] depths, double paramsMillions, double mflops)
    {
        var genotype = FullWidth(depths, code: 1);

        Assert.Equal(paramsMillions, ResNet48CostModel.ParamsMillions(genotype), 9);
        Assert.Equal(mflops, ResNet48CostModel.Mflops(genotype), 9);
    }

    [Theory]
    [InlineData("1252233313000000223212122253130000000000006515000000", 9.621328, 2105.099904)]
    [InlineData("1447233323333300331313230025153545153545003252000000", 14.257056, 3065.357248)]
    public void Count_Track1Architecture_MatchesAnIndependentCountOfTheReferenceModel(string code, double paramsMillions, double mflops)
    {
        // Expected values: a separate Python count that builds the competition's model from the code as its reference
        // implementation does (make_divisible widths, a projection wherever the stride or the width changes).
        var genotype = ResNet48Genotype.Parse(code);

        Assert.Equal(paramsMillions, ResNet48CostModel.ParamsMillions(genotype), 9);
        Assert.Equal(mflops, ResNet48CostModel.Mflops(genotype), 9);
    }

    [Fact]
    public void Count_NarrowerOrShallower_CostsLess()
    {
        var full = FullWidth([2, 2, 2, 2], code: 1);
        var narrow = FullWidth([2, 2, 2, 2], code: 7);
        var deep = FullWidth([5, 5, 8, 5], code: 1);

        Assert.True(ResNet48CostModel.Mflops(narrow) < ResNet48CostModel.Mflops(full));
        Assert.True(ResNet48CostModel.ParamsMillions(narrow) < ResNet48CostModel.ParamsMillions(full));
        Assert.True(ResNet48CostModel.Mflops(deep) > ResNet48CostModel.Mflops(full));
    }

    [Fact]
    public void Count_NarrowFirstConvolution_ChangesOnlyThatBlocksCost()
    {
        var full = FullWidth([2, 2, 2, 2], code: 1);
        var narrow = ResNet48Genotype.Create([2, 2, 2, 2], 1, [[1, 1], [1, 1], [7, 1], [1, 1]], [1, 1, 1, 1]);

        // Stage 3, block 1: conv1 128→176 instead of 128→256 (3×3, 14×14 output), conv2 176→256 instead of 256→256.
        var saved = (9.0 * 128 * 80 * 14 * 14) + (9.0 * 80 * 256 * 14 * 14);
        Assert.Equal(saved / 1e6, ResNet48CostModel.Mflops(full) - ResNet48CostModel.Mflops(narrow), 9);
        var savedParams = (9.0 * 128 * 80) + (2.0 * 80) + (9.0 * 80 * 256);
        Assert.Equal(savedParams / 1e6, ResNet48CostModel.ParamsMillions(full) - ResNet48CostModel.ParamsMillions(narrow), 9);
    }

    private static ResNet48Genotype FullWidth(int[] depths, int code) =>
        ResNet48Genotype.Create(depths, code, [.. depths.Select(d => (IReadOnlyList<int>)Enumerable.Repeat(code, d).ToArray())], [code, code, code, code]);
}
