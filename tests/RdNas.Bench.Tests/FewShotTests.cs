using RdNas.Nas.Randomness;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Bench.Tests;

public sealed class FewShotTests
{
    [Fact]
    public void EdgeFixingSampler_FixedOp_SetsOnlyTheSplitEdgeOfTheUniformDraw()
    {
        var space = new Nb201SearchSpace(4);
        var sampler = new EdgeFixingSampler(space, edge: 2) { Fixed = Nb201Op.AvgPool3x3 };
        var uniform = new SeededGenerator(7);
        var fixing = new SeededGenerator(7);

        for (var i = 0; i < 50; i++)
        {
            var drawn = space.Sample(uniform).Ops();
            var fixedDraw = sampler.NextSubnet(fixing).Ops();

            Assert.Equal(Nb201Op.AvgPool3x3, fixedDraw[2]);
            drawn[2] = Nb201Op.AvgPool3x3;
            Assert.Equal(drawn, fixedDraw);
        }
    }

    [Fact]
    public void EdgeFixingSampler_NothingFixed_IsTheUniformDrawUnderSposName()
    {
        var space = new Nb201SearchSpace(4);
        var sampler = new EdgeFixingSampler(space, edge: 0);

        Assert.Equal("spos", sampler.Name);
        Assert.Equal(space.Sample(new SeededGenerator(3)), sampler.NextSubnet(new SeededGenerator(3)));
    }

    [Theory]
    [InlineData(0, 6, 0)]
    [InlineData(51, 0, 0)]
    [InlineData(51, 6, 6)]
    [InlineData(51, 6, -1)]
    public void Run_BadEpochsOrEdge_RefusedBeforeReadingData(int oneShotEpochs, int subEpochs, int edge)
    {
        var error = Assert.Throws<ArgumentException>(() => FewShotScreen.Run("medium", oneShotEpochs, subEpochs, edge, 0, 1, "unused-few-shot"));

        Assert.Equal($"few-shot: epochs ({oneShotEpochs}, {subEpochs}) must be positive and the edge ({edge}) in [0, 6)", error.Message);
        Assert.False(Directory.Exists("unused-few-shot"));
    }
}
