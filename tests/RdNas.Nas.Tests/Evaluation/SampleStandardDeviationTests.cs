using RdNas.Nas.Evaluation.Metrics;

namespace RdNas.Nas.Tests.Evaluation;

public sealed class SampleStandardDeviationTests
{
    [Fact]
    public void Compute_ThreeValues_DividesByNMinusOne()
    {
        // Medium SPOS τ over seeds 0-2 (RESULTS §3): mean 0.384, squared deviations sum to 0.015086.
        Assert.Equal(Math.Sqrt(0.015086 / 2), SampleStandardDeviation.Compute([0.477, 0.305, 0.370]), 6);
    }

    [Fact]
    public void Compute_OneValue_IsNaN()
    {
        Assert.True(double.IsNaN(SampleStandardDeviation.Compute([0.4])));
    }
}
