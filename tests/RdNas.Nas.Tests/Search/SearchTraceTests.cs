using RdNas.Nas.Search;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Tests.Search;

public sealed class SearchTraceTests
{
    private static readonly Nb201Genotype[] s_cells = [.. new Nb201SearchSpace(4).Enumerate().Take(5)];

    [Fact]
    public void Incumbents_AreTheRunningBest_EarliestOnTies_NaNNeverBest()
    {
        var trace = Trace(double.NaN, 2.0, 1.0, 2.0, 3.0);

        Assert.Equal([1, 2, 2, 2, 5], trace.Incumbents.Select(e => e.Order));
        Assert.Equal(5, trace.Best.Order);
    }

    [Fact]
    public void Best_OnlyNaNScores_IsTheFirstCell()
    {
        Assert.Equal(1, Trace(double.NaN, double.NaN).Best.Order);
    }

    [Fact]
    public void Best_NoEvaluations_IsAnError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new SearchTrace("random", [], 0).Best);

        Assert.Contains("no cell", error.Message, StringComparison.Ordinal);
    }

    private static SearchTrace Trace(params double[] scores) =>
        new("random", [.. scores.Select((s, i) => new SearchEvaluation(i + 1, s_cells[i], s))], 0);
}
