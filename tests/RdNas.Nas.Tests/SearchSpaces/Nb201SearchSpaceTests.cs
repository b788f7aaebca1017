using RdNas.Nas.Randomness;
using RdNas.Nas.SearchSpaces;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Tests.SearchSpaces;

public sealed class Nb201SearchSpaceTests
{
    [Theory]
    [InlineData(4, 4_096)]
    [InlineData(5, 15_625)]
    public void Enumerate_EachSpace_YieldsEveryCellOnce(int ops, int size)
    {
        var space = new Nb201SearchSpace(ops);

        var cells = space.Enumerate().ToList();

        Assert.Equal(size, space.Size);
        Assert.Equal(size, cells.Distinct().Count());
        Assert.All(cells, cell => Assert.True(space.Contains(cell)));
    }

    [Fact]
    public void Enumerate_FourOpSpace_NeverUsesNone()
    {
        Assert.DoesNotContain(new Nb201SearchSpace(4).Enumerate(), cell => cell.UsesNone);
    }

    [Fact]
    public void Sample_SameSeed_SameCells()
    {
        var space = new Nb201SearchSpace(4);

        var first = Enumerable.Range(0, 50).Select(_ => space.Sample(new SeededGenerator(7))).ToList();
        var a = new SeededGenerator(7);
        var b = new SeededGenerator(7);

        Assert.Equal(Enumerable.Range(0, 50).Select(_ => space.Sample(a)), Enumerable.Range(0, 50).Select(_ => space.Sample(b)));
        Assert.Single(first.Distinct());
    }

    [Fact]
    public void Sample_ManyDraws_CoverEveryOpOnEveryEdgeEvenly()
    {
        var space = new Nb201SearchSpace(5);
        var generator = new SeededGenerator(3);
        var counts = new int[6, 5];

        for (var i = 0; i < 10_000; i++)
        {
            var cell = space.Sample(generator);
            for (var e = 0; e < 6; e++)
            {
                counts[e, (int)cell[e]]++;
            }
        }

        // 2,000 expected per (edge, op); 5 standard deviations is ±179.
        Assert.All(counts.Cast<int>(), count => Assert.InRange(count, 1_800, 2_200));
    }

    [Fact]
    public void SampleDistinct_TwoHundred_AllDistinctAndReproducible()
    {
        var space = new Nb201SearchSpace(4);

        var sample = space.SampleDistinct(200, new SeededGenerator(0, RandomStreams.EvaluationSubnets));

        Assert.Equal(200, sample.Distinct().Count());
        Assert.Equal(sample, space.SampleDistinct(200, new SeededGenerator(0, RandomStreams.EvaluationSubnets)));
    }

    [Fact]
    public void Parse_NoneInFourOpSpace_IsRefused()
    {
        var error = Assert.Throws<ArchitectureFormatException>(() =>
            new Nb201SearchSpace(4).Parse("|none~0|+|skip_connect~0|nor_conv_1x1~1|+|avg_pool_3x3~0|skip_connect~1|nor_conv_3x3~2|"));

        Assert.Equal(1, error.Position);
        Assert.Contains("'none' is not an operation of the 4-op space", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    public void Constructor_OtherOpCount_Throws(int ops)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Nb201SearchSpace(ops));
    }
}
