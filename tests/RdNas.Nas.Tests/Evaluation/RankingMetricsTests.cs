using RdNas.Nas.Evaluation.Metrics;

namespace RdNas.Nas.Tests.Evaluation;

public sealed class RankingMetricsTests
{
    [Fact]
    public void KendallTau_NoTies_MatchesHandCount()
    {
        // Pairs of (1,2,3,4) vs (1,3,2,4): 5 concordant, 1 discordant of 6 → (5 − 1) / 6.
        Assert.Equal(4.0 / 6, KendallTau.Compute([1, 2, 3, 4], [1, 3, 2, 4]), 12);
    }

    [Fact]
    public void KendallTau_TiesOnBothSides_IsTauB()
    {
        // scipy.stats.kendalltau([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]) = -0.47140452079103173. By hand: 10 pairs,
        // 2 tied in x, 1 tied in y, concordant 2, discordant 6 → (2 − 6) / √(8 · 9) = −4 / √72.
        Assert.Equal(-4 / Math.Sqrt(72), KendallTau.Compute([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]), 12);
        Assert.Equal(-0.47140452079103173, KendallTau.Compute([12, 2, 1, 12, 2], [1, 4, 7, 1, 0]), 12);
    }

    [Fact]
    public void SpearmanRho_Ties_UsesAverageRanks()
    {
        // y = (5, 6, 7, 8, 7) ranks to (1, 2, 3.5, 5, 3.5); Pearson with (1..5) gives 0.8207826816681233 (scipy).
        Assert.Equal([1, 2, 3.5, 5, 3.5], SpearmanRho.AverageRanks([5, 6, 7, 8, 7]));
        Assert.Equal(0.8207826816681233, SpearmanRho.Compute([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), 12);
    }

    [Fact]
    public void PearsonR_HandComputed()
    {
        // x = (1, 2, 3), y = (2, 4, 5): deviations (−1, 0, 1) and (−5/3, 1/3, 4/3); r = 3 / √(2 · 14/3).
        Assert.Equal(3 / Math.Sqrt(2 * 14.0 / 3), PearsonR.Compute([1, 2, 3], [2, 4, 5]), 12);
    }

    [Fact]
    public void PearsonR_ConstantSide_IsNaN()
    {
        Assert.True(double.IsNaN(PearsonR.Compute([1, 1, 1], [1, 2, 3])));
    }

    [Fact]
    public void ConcordantPairRatio_OneSwappedPair_TwoThirds()
    {
        Assert.Equal(2.0 / 3, ConcordantPairRatio.Compute([1, 2, 3], [1, 3, 2]), 12);
    }

    [Fact]
    public void ConcordantPairRatio_PredictionTie_CountsHalf_TruthTie_Skipped()
    {
        Assert.Equal(2.5 / 3, ConcordantPairRatio.Compute([1, 1, 2], [1, 2, 3]), 12);
        Assert.Equal(1.0, ConcordantPairRatio.Compute([1, 2, 3], [1, 1, 3]), 12);
    }

    [Fact]
    public void PrecisionAtTopK_TwentyItems_TopTwo()
    {
        var truth = Enumerable.Range(0, 20).Select(i => (double)i).ToArray();
        var predicted = (double[])truth.Clone();
        (predicted[19], predicted[0]) = (predicted[0], predicted[19]); // the true best is predicted worst

        Assert.Equal(0.5, PrecisionAtTopK.Compute(predicted, truth, 0.1), 12);
        Assert.Equal(1.0, PrecisionAtTopK.Compute(truth, truth, 0.1), 12);
    }

    [Fact]
    public void Metrics_MismatchedLengths_Throw()
    {
        var error = Assert.Throws<ArgumentException>(() => KendallTau.Compute([1, 2, 3], [1, 2]));

        Assert.Contains("3 and 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_NonFiniteValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => SpearmanRho.Compute([1, double.NaN, 3], [1, 2, 3]));
    }

    [Fact]
    public void RankingReport_PerfectRanking_AllOnes()
    {
        double[] values = [0.1, 0.5, 0.3, 0.9, 0.7];

        var report = RankingReport.Compute(values, values);

        Assert.Equal(new RankingReport(1, 1, 1, 1, 1), report);
    }
}
