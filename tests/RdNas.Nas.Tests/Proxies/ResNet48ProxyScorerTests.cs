using RdNas.Nas.Proxies;
using RdNas.Nas.SearchSpaces.ResNet48;

namespace RdNas.Nas.Tests.Proxies;

public sealed class ResNet48ProxyScorerTests
{
    private const string Arch1 = "1252233313000000223212122253130000000000006515000000";

    [Fact]
    public void Score_SameSeed_SameScores_CostsFromTheCostModel()
    {
        var genotype = ResNet48Genotype.Parse(Arch1);
        var scorer = new ResNet48ProxyScorer(["flops", " params", "synflow", "zen"], side: 32, seed: 3);

        var first = scorer.Score(genotype);
        var again = new ResNet48ProxyScorer(["flops", "params", "synflow", "zen"], side: 32, seed: 3).Score(genotype);

        Assert.Equal(["flops", "params", "synflow", "zen"], scorer.Proxies);
        Assert.Equal(first, again);
        Assert.Equal(ResNet48CostModel.Mflops(genotype), first[0]);
        Assert.Equal(ResNet48CostModel.ParamsMillions(genotype), first[1]);
        Assert.All(first, score => Assert.True(double.IsFinite(score)));
        Assert.NotEqual(first[3], new ResNet48ProxyScorer(["zen"], side: 32, seed: 4).Score(genotype)[0]);
    }

    [Fact]
    public void Score_WiderNetworkOfTheSameDepths_ScoresHigherOnSynflowAndZen()
    {
        // Both proxies grow with width at a fixed depth (more synaptic paths; a larger feature map response), the
        // property their papers build on.
        var narrow = FullWidth(code: 7);
        var wide = FullWidth(code: 1);
        var scorer = new ResNet48ProxyScorer(["synflow", "zen"], side: 32, seed: 0);

        var narrowScores = scorer.Score(narrow);
        var wideScores = scorer.Score(wide);

        Assert.True(wideScores[0] > narrowScores[0], $"synflow: {wideScores[0]} ≤ {narrowScores[0]}");
        Assert.True(wideScores[1] > narrowScores[1], $"zen: {wideScores[1]} ≤ {narrowScores[1]}");
    }

    [Theory]
    [InlineData("nwot", "proxy 'nwot' needs real images, and resnet48's are ImageNet's, which the data folder does not hold (expected one of flops, params, synflow, zen)")]
    [InlineData("darts", "unknown proxy 'darts' for resnet48 (expected one of flops, params, synflow, zen)")]
    [InlineData(" flops", "proxy 'flops' is listed twice")]
    public void Create_ProxyItCannotScore_ErrorSaysWhy(string proxy, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new ResNet48ProxyScorer(["flops", proxy], side: 32, seed: 0));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(48)]
    public void Create_SideNotAMultipleOf32_ErrorNamesTheSide(int side)
    {
        var error = Assert.Throws<ArgumentException>(() => new ResNet48ProxyScorer(["zen"], side, seed: 0));

        Assert.Contains($"a positive multiple of 32 (the network downsamples by 32; the competition's is 224), got {side}", error.Message, StringComparison.Ordinal);
    }

    private static ResNet48Genotype FullWidth(int code) =>
        ResNet48Genotype.Create([2, 2, 2, 2], code, [.. Enumerable.Repeat((IReadOnlyList<int>)[code, code], 4)], [code, code, code, code]);
}
