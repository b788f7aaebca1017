using RdNas.Nas.GroundTruth;
using RdNas.Nas.Search;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Tests.Search;

public sealed class SearchReportTests
{
    private static readonly Nb201SearchSpace s_space = new(4);

    [Fact]
    public void Compute_SyntheticTable_RanksTheAnswerInTheSpaceAndMeasuresRegret()
    {
        // valid = 6 × (edges matching the target) + the cell's index / 10,000 (distinct values); test = valid − 1.
        var table = Table(s_space.Enumerate().Select((g, i) => (g, Valid(g, i), Valid(g, i) - 1)));
        var cells = s_space.Enumerate().ToList();
        var nearTarget = SearchScores.Target.Ops();
        nearTarget[0] = Nb201Op.SkipConnect;
        var second = Nb201Genotype.FromOps(nearTarget);
        var trace = new SearchTrace("random", [new(1, cells[0], 1.0), new(2, second, 5.0), new(3, cells[1], 2.0)], 0);

        var report = SearchReport.Compute(trace, s_space, table, "cifar10_valid", "cifar10_test");

        var secondValid = Valid(second, cells.IndexOf(second));
        Assert.Equal(second.ToString(), report.Best.Arch);
        Assert.Equal(5.0, report.Best.Score);
        Assert.Equal(secondValid, report.Best.Selection);
        Assert.Equal(secondValid - 1, report.Best.Test);
        Assert.Equal(SearchScores.Target.ToString(), report.SpaceBest.Arch);
        Assert.Null(report.SpaceBest.Score);
        Assert.Equal(1 + cells.Select((g, i) => Valid(g, i)).Count(v => v > secondValid), report.SelectionRank);
        Assert.Equal(4096, report.SpaceSize);
        Assert.Equal(report.SpaceBest.Test - report.Best.Test, report.TestRegret);
        Assert.Equal([Valid(cells[0], 0) - 1, secondValid - 1, secondValid - 1], report.IncumbentTestAccuracy);
        Assert.Equal(1.0, report.ScoredRanking!.KendallTau, 12);
        Assert.Equal("cifar10_test", report.TestColumn);
    }

    [Fact]
    public void Compute_NoTestColumn_ReportsSelectionAccuracyOnly()
    {
        var table = Table(s_space.Enumerate().Select((g, i) => (g, Valid(g, i), double.NaN)));
        var trace = new SearchTrace("random", [new(1, s_space.Enumerate().First(), 1.0)], 0);

        var report = SearchReport.Compute(trace, s_space, table, "cifar10_valid", testColumn: "cifar100_test");

        Assert.Null(report.Best.Test);
        Assert.Null(report.TestRegret);
        Assert.Null(report.TestColumn);
        Assert.Null(report.ScoredRanking);
        Assert.Equal([report.Best.Selection], report.IncumbentTestAccuracy);
    }

    private static double Valid(Nb201Genotype genotype, int index) => SyntheticGroundTruth.Valid(genotype, index);

    private static Nb201GroundTruth Table(IEnumerable<(Nb201Genotype Cell, double Valid, double Test)> rows) => SyntheticGroundTruth.Table(rows);
}
