using RdNas.Nas.Evaluation.Metrics;

namespace RdNas.Bench.Tests;

public sealed class TrajectoryAgreementTests
{
    [Fact]
    public void Measure_TwoRunsListingTheSameScoresInOtherOrders_AgreeFully()
    {
        double[] accuracies = [60, 61, 63, 62, 64, 65];
        var first = SyntheticRuns.Run("a", accuracies);
        var shuffled = SyntheticRuns.Run("b", accuracies, order: [5, 3, 1, 0, 2, 4]);

        var agreement = TrajectoryAgreement.Measure([first, shuffled]);

        var single = KendallTau.Compute(accuracies, [1, 2, 3, 4, 5, 6]);
        Assert.Equal(6, agreement.Subnets);
        Assert.Equal([single, single], agreement.WithTruth);
        Assert.Equal([1.0], agreement.BetweenRuns);
        Assert.Equal([single], agreement.PairEnsembles);
        Assert.Equal(single, agreement.AllEnsemble, 12);
    }

    [Fact]
    public void Measure_ThreeRuns_PairsInOrderAndTheEnsembleOfAll()
    {
        var right = SyntheticRuns.Run("right", [1, 2, 3, 4, 5, 6]);
        var reversed = SyntheticRuns.Run("reversed", [6, 5, 4, 3, 2, 1]);
        var nearlyRight = SyntheticRuns.Run("nearly", [2, 1, 3, 4, 5, 6]);

        var agreement = TrajectoryAgreement.Measure([right, reversed, nearlyRight]);

        // One discordant pair of 15 in "nearly": τ = (14 − 1) / 15 against the truth and against "right".
        var oneSwap = 13.0 / 15;
        Assert.Equal([1, -1, oneSwap], agreement.WithTruth, Close);
        Assert.Equal([-1, oneSwap, -oneSwap], agreement.BetweenRuns, Close);
        // Means: right+reversed is constant (τ-b undefined: NaN), right+nearly ties the swapped pair, 14 of 15 concordant
        // with one tie in the prediction: τ-b = 14 / √(15 · 14).
        Assert.True(double.IsNaN(agreement.PairEnsembles[0]));
        Assert.Equal(Math.Sqrt(14.0 / 15), agreement.PairEnsembles[1], 12);
        Assert.Equal(KendallTau.Compute([3, 8.0 / 3, 10.0 / 3, 11.0 / 3, 4, 13.0 / 3], [1, 2, 3, 4, 5, 6]), agreement.AllEnsemble, 12);
    }

    [Fact]
    public void Measure_RunsOfTwoConfigurations_SplitsTheRunToRunAgreementByTheirPair()
    {
        var right = SyntheticRuns.Run("right", [1, 2, 3, 4, 5, 6]);
        var nearlyRight = SyntheticRuns.Run("nearly", [2, 1, 3, 4, 5, 6]);
        var twin = SyntheticRuns.Run("twin", [6, 5, 4, 3, 2, 1]) with { Implementation = "pytorch" };

        var agreement = TrajectoryAgreement.Measure([right, twin, nearlyRight]);

        var oneSwap = 13.0 / 15;
        Assert.Equal(["spos × spos", "spos × spos (pytorch)"], agreement.BetweenConfigurations.Keys.Order(StringComparer.Ordinal));
        Assert.Equal([oneSwap], agreement.BetweenConfigurations["spos × spos"], Close);
        Assert.Equal([-1, -oneSwap], agreement.BetweenConfigurations["spos × spos (pytorch)"], Close);
    }

    [Fact]
    public void Measure_OneRun_SaysTwoAreNeeded()
    {
        var error = Assert.Throws<ArgumentException>(() => TrajectoryAgreement.Measure([SyntheticRuns.Run("alone", [1, 2, 3, 4, 5, 6])]));

        Assert.Contains("at least two", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Measure_RunsOnOtherSubnets_NamesTheRunFolder()
    {
        var first = SyntheticRuns.Run("first", [1, 2, 3, 4, 5, 6]);
        var fewer = SyntheticRuns.Run("fewer", [1, 2, 3, 4, 5, 6], order: [0, 1, 2, 3, 4]);

        var error = Assert.Throws<InvalidDataException>(() => TrajectoryAgreement.Measure([first, fewer]));

        Assert.Contains(Path.Combine("runs", "fewer"), error.Message, StringComparison.Ordinal);
        Assert.Contains("other subnets", error.Message, StringComparison.Ordinal);
    }

    private static bool Close(double expected, double actual) => Math.Abs(expected - actual) < 1e-12;
}
