using RdNas.Nas.Search;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Tests.Search;

public sealed class RandomSearchTests
{
    private static readonly Nb201SearchSpace s_space = new(4);

    [Fact]
    public void Run_ScoresTheSeededDrawOfDistinctCells()
    {
        var scores = new SearchScores();

        var trace = new RandomSearch(s_space, budget: 30, seed: 4).Run(scores.Counting, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(s_space.SampleDistinct(30, new RdNas.Nas.Randomness.SeededGenerator(4, RdNas.Nas.Randomness.RandomStreams.Search)), trace.Evaluations.Select(e => e.Genotype));
        Assert.Equal(30, scores.Calls);
        Assert.Equal(0, trace.Cycles);
        Assert.Equal(trace.Evaluations.Max(e => e.Score), trace.Best.Score);
    }

    [Fact]
    public void Run_WholeSpace_FindsTheOptimum()
    {
        var trace = new RandomSearch(s_space, budget: s_space.Size, seed: 0).Run(new SearchScores().Counting, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(SearchScores.Target, trace.Best.Genotype);
    }

    [Fact]
    public void Constructor_BudgetBeyondTheSpace_IsAnError()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RandomSearch(s_space, 4097, 0));

        Assert.Contains("4096", error.Message, StringComparison.Ordinal);
    }
}
