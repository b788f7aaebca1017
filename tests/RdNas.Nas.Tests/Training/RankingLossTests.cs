using RdNas.Nas.Training;
using static TorchSharp.torch;

namespace RdNas.Nas.Tests.Training;

public sealed class RankingLossTests
{
    [Theory]
    [InlineData(true, 0.0)]   // teacher: second better; its loss 1.5 is already below 2.0 → no penalty
    [InlineData(false, 0.5)]  // teacher: first better, but its loss 2.0 exceeds 1.5 by 0.5
    public void Reference_ValueAndGradientIntoTheSecondLossOnly(bool secondIsBetter, double expected)
    {
        using var first = tensor(2.0).requires_grad_(true);
        using var second = tensor(1.5).requires_grad_(true);

        using var loss = PairwiseRankingLoss.Reference.Compute(first, second, secondIsBetter);
        loss.backward();

        Assert.Equal(expected, loss.item<double>(), 12);
        Assert.True(first.grad is null || first.grad.item<double>() == 0);
        Assert.Equal(secondIsBetter ? 0 : -1, second.grad!.item<double>());
    }

    [Fact]
    public void Paper_MarginAppliesAndTheGradientReachesBothLosses()
    {
        using var first = tensor(2.0).requires_grad_(true);
        using var second = tensor(1.5).requires_grad_(true);

        // Second better with margin 1: ReLU(1.5 − 2.0 + 1) = 0.5; ∂/∂second = 1, ∂/∂first = −1.
        using var loss = PairwiseRankingLoss.Paper(1).Compute(first, second, secondIsBetter: true);
        loss.backward();

        Assert.Equal(0.5, loss.item<double>(), 12);
        Assert.Equal(1, second.grad!.item<double>());
        Assert.Equal(-1, first.grad!.item<double>());
    }

    [Theory]
    [InlineData("sine", 0, 100, 0)]
    [InlineData("sine", 50, 100, 1.9021130325903071)] // 2·sin(0.4π)
    [InlineData("sine", 99, 100, 1.2158605953892112)]  // 2·sin(0.792π) = 2·sin(0.208π)
    [InlineData("warmup", 5, 100, 0.5)]
    [InlineData("warmup", 30, 100, 2)]
    [InlineData("const:0.25", 7, 10, 0.25)]
    public void LambdaSchedule_AtChosenEpochs(string spec, int epoch, int epochs, double expected)
    {
        var schedule = LambdaSchedule.Parse(spec);

        Assert.Equal(expected, schedule.At(epoch, epochs), 12);
        Assert.Equal(spec, schedule.ToString());
    }

    [Theory]
    [InlineData("cosine")]
    [InlineData("const:")]
    [InlineData("const:-1")]
    [InlineData("const:abc")]
    public void LambdaSchedule_BadSpec_ListsTheForms(string spec)
    {
        var error = Assert.Throws<ArgumentException>(() => LambdaSchedule.Parse(spec));

        Assert.Contains("expected sine, warmup or const:V", error.Message, StringComparison.Ordinal);
    }
}
