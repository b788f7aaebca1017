using RdNas.Nas.Randomness;
using RdNas.Nas.Sampling;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Tests.Sampling;

public sealed class PairSamplerTests
{
    private const string AllConv3x3 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";
    private const string AllConv1x1 = "|nor_conv_1x1~0|+|nor_conv_1x1~0|nor_conv_1x1~1|+|nor_conv_1x1~0|nor_conv_1x1~1|nor_conv_1x1~2|";
    private const string AllSkip = "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|";
    private const string Mixed = "|nor_conv_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|nor_conv_1x1~0|none~1|nor_conv_3x3~2|";

    [Theory]
    [InlineData(AllConv3x3, AllConv3x3, 0)]
    [InlineData(AllConv3x3, AllConv1x1, 3)]   // six convs of the other kind: 6 × 0.5
    [InlineData(AllConv3x3, AllSkip, 12)]     // six group changes: 6 × 2
    [InlineData(AllSkip, Mixed, 8.5)]         // skip against conv3x3, skip, pool, conv1x1, none, conv3x3: 2 + 0 + 0.5 + 2 + 2 + 2
    [InlineData(AllConv1x1, Mixed, 7)]        // conv1x1 against the same: 0.5 + 2 + 2 + 0 + 2 + 0.5
    public void GroupDistance_HandWorkedPairs(string a, string b, double expected)
    {
        Assert.Equal(expected, GroupDistance.Between(Nb201Genotype.Parse(a), Nb201Genotype.Parse(b)));
        Assert.Equal(expected, GroupDistance.Between(Nb201Genotype.Parse(b), Nb201Genotype.Parse(a)));
    }

    [Theory]
    [InlineData(4, 6.75, 4.5)]
    [InlineData(5, 8.16, 4.8)]
    public void Distances_OverUniformPairs_HaveTheExpectedMeans(int ops, double groupMean, double hammingMean)
    {
        var space = new Nb201SearchSpace(ops);
        var cells = space.Enumerate().ToList();

        // Exact means: every ordered pair of the space, taken edge by edge (the edges are independent).
        var perEdgeGroup = space.Ops.SelectMany(x => space.Ops.Select(y => GroupDistance.Between(x, y))).Average();
        Assert.Equal(groupMean, 6 * perEdgeGroup, 10);

        // And a seeded sample of whole cells agrees, Hamming included.
        var generator = new SeededGenerator(11);
        var pairs = Enumerable.Range(0, 20_000).Select(_ => (cells[generator.NextInt(cells.Count)], cells[generator.NextInt(cells.Count)])).ToList();
        Assert.InRange(pairs.Average(p => GroupDistance.Between(p.Item1, p.Item2)), groupMean - 0.05, groupMean + 0.05);
        Assert.InRange(pairs.Average(p => HammingDistance.Between(p.Item1, p.Item2)), hammingMean - 0.05, hammingMean + 0.05);
    }

    [Fact]
    public void MarginSampler_NeverReturnsAPairBelowMu_AndRepeatsWithTheSeed()
    {
        var sampler = DistancePairSampler.Margin(new Nb201SearchSpace(4));
        var generator = new SeededGenerator(3);
        var pairs = Enumerable.Range(0, 2_000).Select(_ => sampler.NextPair(generator)).ToList();
        var again = new SeededGenerator(3);

        Assert.Equal("margin", sampler.Name);
        Assert.All(pairs, p => Assert.True(GroupDistance.Between(p.First, p.Second) >= 6.7, $"{p.First} and {p.Second}"));
        Assert.Equal(pairs.Take(50), Enumerable.Range(0, 50).Select(_ => sampler.NextPair(again)));
        Assert.InRange(pairs.Average(p => GroupDistance.Between(p.First, p.Second)), 7.5, 10);
    }

    [Fact]
    public void HammingSampler_PairsDifferOnAtLeastFiveEdges()
    {
        var sampler = DistancePairSampler.Hamming(new Nb201SearchSpace(4));
        var generator = new SeededGenerator(4);

        Assert.All(Enumerable.Range(0, 1_000).Select(_ => sampler.NextPair(generator)), p => Assert.True(HammingDistance.Between(p.First, p.Second) >= 5));
    }

    [Fact]
    public void RandomSampler_TakesCloseAndFarPairs()
    {
        var sampler = DistancePairSampler.Random(new Nb201SearchSpace(4));
        var generator = new SeededGenerator(5);
        var distances = Enumerable.Range(0, 1_000).Select(_ => sampler.NextPair(generator)).Select(p => GroupDistance.Between(p.First, p.Second)).ToList();

        Assert.Contains(distances, d => d < 4);
        Assert.Contains(distances, d => d >= 10);
    }

    [Theory]
    [InlineData(12.5)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void MarginSampler_UnreachableMu_IsRefused(double mu)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => DistancePairSampler.Margin(new Nb201SearchSpace(4), mu));

        Assert.Contains("threshold must be from 0 to 12", error.Message, StringComparison.Ordinal);
    }
}
