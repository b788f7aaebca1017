using RdNas.Nas.Search;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Tests.Search;

public sealed class RegularizedEvolutionTests
{
    private static readonly Nb201SearchSpace s_space = new(4);

    [Fact]
    public void Run_ScoresTheBudgetOfDistinctCellsOnceEach()
    {
        var scores = new SearchScores();
        var progress = new List<int>();

        var trace = new RegularizedEvolution(s_space, budget: 60, seed: 1).Run(scores.Counting, new InlineProgress(progress.Add), TestContext.Current.CancellationToken);

        Assert.Equal(60, trace.Evaluations.Count);
        Assert.Equal(60, trace.Evaluations.Select(e => e.Genotype).Distinct().Count());
        Assert.Equal(60, scores.Calls);
        Assert.Equal(Enumerable.Range(1, 60), trace.Evaluations.Select(e => e.Order));
        Assert.Equal(Enumerable.Range(1, 60), progress);
        Assert.True(trace.Cycles >= 50, $"{trace.Cycles} cycles for 50 children after a population of 10");
        Assert.All(trace.Evaluations, e => Assert.True(s_space.Contains(e.Genotype)));
    }

    [Fact]
    public void Run_EveryChildIsOneMutationFromACellScoredBefore()
    {
        var trace = new RegularizedEvolution(s_space, budget: 80, seed: 2).Run(new SearchScores().Counting, cancellationToken: TestContext.Current.CancellationToken);

        var children = trace.Evaluations.Skip(10).ToList();
        Assert.All(children, child => Assert.Contains(
            trace.Evaluations.Take(child.Order - 1),
            earlier => SearchScores.Distance(earlier.Genotype, child.Genotype) == 1));
    }

    [Fact]
    public void Run_ClimbsToTheOptimumThatRandomSearchOfTheSameBudgetMisses()
    {
        var evolution = new RegularizedEvolution(s_space, budget: 200, seed: 0).Run(new SearchScores().Counting, cancellationToken: TestContext.Current.CancellationToken);
        var random = new RandomSearch(s_space, budget: 200, seed: 0).Run(new SearchScores().Counting, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(SearchScores.Target, evolution.Best.Genotype);
        Assert.Equal(6.0, evolution.Best.Score);
        Assert.True(random.Best.Score < 6.0, $"random search found {random.Best.Genotype} too");
    }

    [Fact]
    public void Run_SameSeedSameTrace_OtherSeedOtherTrace()
    {
        RegularizedEvolution Search(long seed) => new(s_space, budget: 40, seed: seed, populationSize: 8, tournamentSize: 4);
        var first = Search(5).Run(new SearchScores().Counting, cancellationToken: TestContext.Current.CancellationToken);
        var again = Search(5).Run(new SearchScores().Counting, cancellationToken: TestContext.Current.CancellationToken);
        var other = Search(6).Run(new SearchScores().Counting, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(first.Evaluations, again.Evaluations);
        Assert.Equal(first.Cycles, again.Cycles);
        Assert.NotEqual(first.Evaluations.Select(e => e.Genotype), other.Evaluations.Select(e => e.Genotype));
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        var scores = new SearchScores();
        ArchitectureScore cancelAfterFive = (genotype, token) =>
        {
            if (scores.Calls == 4)
            {
                cancellation.Cancel();
            }

            return scores.Counting(genotype, token);
        };

        Assert.Throws<OperationCanceledException>(() => new RegularizedEvolution(s_space, 50, 0).Run(cancelAfterFive, cancellationToken: cancellation.Token));
        Assert.Equal(5, scores.Calls);
    }

    [Theory]
    [InlineData(0, 10, 3, "budget")]
    [InlineData(4097, 10, 3, "budget")]
    [InlineData(20, 21, 3, "populationSize")]
    [InlineData(20, 0, 1, "populationSize")]
    [InlineData(20, 10, 11, "tournamentSize")]
    [InlineData(20, 10, 0, "tournamentSize")]
    public void Constructor_SettingsOutOfRange_NameTheSetting(int budget, int population, int tournament, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new RegularizedEvolution(s_space, budget, 0, population, tournament));

        Assert.Equal(parameter, error.ParamName);
    }

    private sealed class InlineProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
