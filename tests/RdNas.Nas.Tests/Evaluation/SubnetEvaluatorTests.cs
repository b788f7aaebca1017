using RdNas.Nas.Data;
using RdNas.Nas.Evaluation;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;
using RdNas.Nas.Modules;
using static TorchSharp.torch;

namespace RdNas.Nas.Tests.Evaluation;

public sealed class SubnetEvaluatorTests
{
    [Fact]
    public void Measure_TinySupernet_GivesAPercentageAndAPositiveLossAndRestoresBnMomentum()
    {
        using var model = Nb201NetworkFactory.Create(new Nb201SupernetOptions(Width: 4, CellsPerStage: 1), seed: 0);
        var pixels = new byte[40 * Cifar10Images.PixelBytes];
        new Random(5).NextBytes(pixels);
        var images = new Cifar10Images(pixels, [.. Enumerable.Range(0, 40).Select(i => (byte)(i % 10))]);
        var evaluator = new SubnetEvaluator(model, images, TrainValidSplit.Create(40, 0), new EvaluationOptions(RecalibrationBatches: 2, RecalibrationBatchSize: 8, BatchSize: 7));
        var genotype = Nb201Genotype.Parse("|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|avg_pool_3x3~0|skip_connect~1|nor_conv_3x3~2|");

        var first = evaluator.Measure(genotype, TestContext.Current.CancellationToken);
        var second = evaluator.Measure(genotype, TestContext.Current.CancellationToken);

        Assert.InRange(first.Accuracy, 0, 100);
        Assert.Equal(first, second);
        Assert.Equal(0, (first.Accuracy * 20 / 100) % 1, 9); // a whole number of the 20 valid images
        Assert.InRange(first.Loss, 0.5, 10); // an untrained 10-class net: near ln 10 = 2.3
        Assert.All(model.modules().OfType<TrackedBatchNorm2d>(), bn => Assert.Equal(0.1, bn.Momentum));
    }

    [Fact]
    public void Options_TooFewSubnets_NamesTheField()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new EvaluationOptions(Subnets: 1).Validate());

        Assert.Equal("Subnets", error.ParamName);
    }
}
