using RdNas.Nas.Evaluation.Metrics;

namespace RdNas.Nas.Tests.Evaluation;

public sealed class KendallTauIntervalTests
{
    [Fact]
    public void Compute_PerfectAgreement_IsOneOnBothEnds()
    {
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8];

        var (low, high) = KendallTauInterval.Compute(x, [.. x.Select(v => 10 * v)]);

        Assert.Equal(1.0, low, 12);
        Assert.Equal(1.0, high, 12);
    }

    [Fact]
    public void Compute_NoisyRanking_ContainsThePointValueAndNarrowsWithMoreSubnets()
    {
        var (small, smallTruth) = Noisy(20, seed: 1);
        var (large, largeTruth) = Noisy(200, seed: 1);

        var (smallLow, smallHigh) = KendallTauInterval.Compute(small, smallTruth);
        var (largeLow, largeHigh) = KendallTauInterval.Compute(large, largeTruth);
        var tau = KendallTau.Compute(large, largeTruth);

        Assert.InRange(tau, largeLow, largeHigh);
        Assert.True(largeHigh - largeLow < smallHigh - smallLow, $"200 subnets [{largeLow}, {largeHigh}] vs 20 [{smallLow}, {smallHigh}]");
        Assert.InRange(largeHigh - largeLow, 0.05, 0.3); // ±0.05–0.1 for 200 moderately ranked subnets
    }

    [Fact]
    public void Compute_SameSeed_IsReproducibleAndAnotherSeedDiffers()
    {
        var (x, y) = Noisy(50, seed: 2);

        var first = KendallTauInterval.Compute(x, y, seed: 3);
        var again = KendallTauInterval.Compute(x, y, seed: 3);
        var other = KendallTauInterval.Compute(x, y, seed: 4);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Compute_LevelOutsideZeroToOne_IsAnError()
    {
        double[] x = [1, 2, 3];

        Assert.Throws<ArgumentOutOfRangeException>(() => KendallTauInterval.Compute(x, x, level: 1.0));
    }

    private static (double[] Predicted, double[] Truth) Noisy(int n, int seed)
    {
        var random = new Random(seed);
        var truth = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        return ([.. truth.Select(t => t + random.NextDouble())], truth);
    }
}
