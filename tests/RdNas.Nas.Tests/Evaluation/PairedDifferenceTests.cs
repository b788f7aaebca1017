using RdNas.Nas.Evaluation.Metrics;

namespace RdNas.Nas.Tests.Evaluation;

public sealed class PairedDifferenceTests
{
    [Fact]
    public void Compute_ThreePairs_MeanIntervalAndPairedTTestByHand()
    {
        // Differences 0.1, 0.2, 0.3: mean 0.2, sd 0.1, standard error 0.1/√3; t = 2√3 on 2 degrees of freedom, whose
        // distribution function is 1/2 + t / (2√(2 + t²)): p = 2(1 − (1/2 + 2√3/(2√14))) = 1 − √(12/14); the 97.5 %
        // quantile of t(2) is 4.302653.
        var difference = PairedDifference.Compute([0.5, 0.6, 0.7], [0.4, 0.4, 0.4])!;

        Assert.Equal(0.2, difference.Mean, 12);
        Assert.Equal(1 - Math.Sqrt(12.0 / 14), difference.PValue, 9);
        Assert.Equal(0.2 - (4.302653 * 0.1 / Math.Sqrt(3)), difference.Low, 6);
        Assert.Equal(0.2 + (4.302653 * 0.1 / Math.Sqrt(3)), difference.High, 6);
    }

    [Fact]
    public void Compute_NegativeDifference_SymmetricPValue()
    {
        var up = PairedDifference.Compute([0.5, 0.6, 0.7], [0.4, 0.4, 0.4])!;
        var down = PairedDifference.Compute([0.4, 0.4, 0.4], [0.5, 0.6, 0.7])!;

        Assert.Equal(-up.Mean, down.Mean, 12);
        Assert.Equal(up.PValue, down.PValue, 12);
        Assert.Equal(-up.High, down.Low, 12);
    }

    [Theory]
    [InlineData(new[] { 0.5 }, new[] { 0.4 })]              // one pair: no spread
    [InlineData(new[] { 0.5, 0.4 }, new[] { 0.4, 0.3 })]    // every pair gained 0.1: no spread, no test
    public void Compute_NoSpreadOfDifferences_None(double[] a, double[] b) => Assert.Null(PairedDifference.Compute(a, b));

    [Fact]
    public void Compute_UnequalLengths_Refused() =>
        Assert.Contains("paired samples differ in length (2 and 1)", Assert.Throws<ArgumentException>(() => PairedDifference.Compute([0.1, 0.2], [0.1])).Message, StringComparison.Ordinal);
}
