using System.Numerics;
using RdNas.Nas.Randomness;
using RdNas.Nas.SearchSpaces.ResNet48;

namespace RdNas.Nas.Tests.SearchSpaces;

public sealed class ResNet48SearchSpaceTests
{
    [Fact]
    public void Size_CountOverEveryDepthChoice_MatchesAnIndependentCount()
    {
        // Σ over the 4·4·7·4 depth choices of 7^(4 + d1 + d2 + d3 + d4), computed independently in Python.
        Assert.Equal(BigInteger.Parse("121588067670250048000000", System.Globalization.CultureInfo.InvariantCulture), ResNet48SearchSpace.Size);
    }

    [Fact]
    public void Sample_SameSeed_SameValidArchitectures()
    {
        var first = ResNet48SearchSpace.Sample(new SeededGenerator(7));
        var generator = new SeededGenerator(7);
        var draws = Enumerable.Range(0, 2_000).Select(_ => ResNet48SearchSpace.Sample(generator)).ToList();

        Assert.Equal(first, draws[0]);
        Assert.All(draws, d => Assert.Equal(d, ResNet48SearchSpace.Parse(d.Code)));
        Assert.True(draws.Distinct().Count() > 1_990, "2,000 draws from 10^23 architectures should be distinct");
    }

    [Fact]
    public void Sample_ManyDraws_CoverEveryDepthAndWidthCodeUniformly()
    {
        var generator = new SeededGenerator(3);
        var draws = Enumerable.Range(0, 7_000).Select(_ => ResNet48SearchSpace.Sample(generator)).ToList();

        var stage3Depths = draws.GroupBy(d => d.Depth(2)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Enumerable.Range(2, 7), stage3Depths.Keys.Order());
        Assert.All(stage3Depths.Values, count => Assert.InRange(count, 850, 1_150)); // 1,000 expected, ±4.5 sd
        var stemCodes = draws.GroupBy(d => d.StemCode).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Enumerable.Range(1, 7), stemCodes.Keys.Order());
        Assert.All(stemCodes.Values, count => Assert.InRange(count, 850, 1_150));
    }
}
