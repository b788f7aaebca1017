using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Search;

/// <summary>
/// How good a search's answer is by the benchmark: the returned cell's accuracies, its rank among all cells of the
/// space, the space's best cell and the test-accuracy regret against it, and how well the scores ranked the cells the
/// search saw (not a uniform sample: evolution crowds around good cells, where ranking is hardest).
/// </summary>
/// <param name="Best">The cell the search returns (best score).</param>
/// <param name="SpaceBest">The space's best cell by the selection column: what a perfect search would return.</param>
/// <param name="SelectionRank">1 + the cells of the space whose selection accuracy beats the returned cell's.</param>
/// <param name="SpaceSize">Cells in the space.</param>
/// <param name="TestRegret">Test accuracy of the space's best cell minus the returned cell's; null without a test column.</param>
/// <param name="ScoredRanking">Scores against selection accuracy over the scored cells; null with fewer than 2.</param>
/// <param name="IncumbentTestAccuracy">Test (else selection) accuracy of the best-scored cell after each evaluation.</param>
/// <param name="TestColumn">The held-out column reported; null when none was asked for or the table lacks it.</param>
public sealed record SearchReport(
    FoundCell Best,
    FoundCell SpaceBest,
    int SelectionRank,
    int SpaceSize,
    double? TestRegret,
    RankingReport? ScoredRanking,
    IReadOnlyList<double> IncumbentTestAccuracy,
    string? TestColumn)
{
    /// <summary>Judges <paramref name="trace"/> against <paramref name="groundTruth"/>.</summary>
    /// <param name="trace">What the search scored.</param>
    /// <param name="space">The space searched.</param>
    /// <param name="groundTruth">The benchmark table.</param>
    /// <param name="selectionColumn">The column a search is judged by (a valid-split accuracy).</param>
    /// <param name="testColumn">The held-out column; null, or absent from the table, to report none.</param>
    public static SearchReport Compute(SearchTrace trace, Nb201SearchSpace space, Nb201GroundTruth groundTruth, string selectionColumn, string? testColumn)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(groundTruth);
        var test = testColumn is not null && groundTruth.Columns.Contains(testColumn) ? testColumn : null;
        FoundCell Describe(Nb201Genotype genotype, double? score) =>
            new(genotype.ToString(), score, groundTruth.Lookup(genotype, selectionColumn), test is null ? null : groundTruth.Lookup(genotype, test));

        var best = Describe(trace.Best.Genotype, trace.Best.Score);
        var selection = space.Enumerate().Select(g => (Genotype: g, Accuracy: groundTruth.Lookup(g, selectionColumn))).ToList();
        var spaceBest = Describe(selection.MaxBy(c => c.Accuracy).Genotype, null);
        var scored = trace.Evaluations;
        return new SearchReport(
            best,
            spaceBest,
            1 + selection.Count(c => c.Accuracy > best.Selection),
            selection.Count,
            spaceBest.Test - best.Test,
            scored.Count >= 2 ? RankingReport.Compute([.. scored.Select(e => e.Score)], [.. scored.Select(e => groundTruth.Lookup(e.Genotype, selectionColumn))]) : null,
            [.. trace.Incumbents.Select(e => groundTruth.Lookup(e.Genotype, test ?? selectionColumn))],
            test);
    }
}
