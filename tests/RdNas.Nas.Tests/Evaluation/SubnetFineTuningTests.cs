using System.Text.Json;
using RdNas.Nas.Data;
using RdNas.Nas.Evaluation;
using RdNas.Nas.Runs;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;

namespace RdNas.Nas.Tests.Evaluation;

public sealed class SubnetFineTuningTests
{
    private static readonly Nb201Genotype s_genotype = Nb201Genotype.Parse("|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|avg_pool_3x3~0|skip_connect~1|nor_conv_3x3~2|");

    [Fact]
    public void Measure_WithFineTuning_ScoresTheAdaptedSubnetAndPutsEveryWeightBack()
    {
        using var model = Nb201NetworkFactory.Create(new Nb201SupernetOptions(Width: 4, CellsPerStage: 1), seed: 0);
        var images = TestData.RandomImages(60, seed: 5);
        var split = TrainValidSplit.Create(60, 0);
        var plain = new EvaluationOptions(RecalibrationBatches: 2, RecalibrationBatchSize: 8, BatchSize: 10);
        var fineTuned = plain with { FineTuning = new SubnetFineTuningOptions(Steps: 5, LearningRate: 0.5, BatchSize: 10) };
        var before = Weights(model);

        var withoutSteps = new SubnetEvaluator(model, images, split, plain).Measure(s_genotype, TestContext.Current.CancellationToken);
        var first = new SubnetEvaluator(model, images, split, fineTuned).Measure(s_genotype, TestContext.Current.CancellationToken);
        var second = new SubnetEvaluator(model, images, split, fineTuned).Measure(s_genotype, TestContext.Current.CancellationToken);

        Assert.Equal(first, second); // the same batches for every subnet and every evaluator
        Assert.NotEqual(withoutSteps.Loss, first.Loss, 4); // five steps at a large rate move a 4-channel net
        Assert.Equal(before, Weights(model));
        Assert.All(model.parameters(), p => Assert.Null(p.grad));
    }

    [Fact]
    public void Options_NotPositiveSteps_NamesTheField()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new EvaluationOptions(FineTuning: new SubnetFineTuningOptions(0, 0.01)).Validate());

        Assert.Equal("Steps", error.ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Options_LearningRateNotAPositiveNumber_NamesTheField(double learningRate)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SubnetFineTuningOptions(50, learningRate).Validate());

        Assert.Equal("LearningRate", error.ParamName);
    }

    [Fact]
    public void Options_OutOfRangeBatchMomentumOrDecay_NameTheField()
    {
        Assert.Equal("BatchSize", Assert.Throws<ArgumentOutOfRangeException>(() => new SubnetFineTuningOptions(50, 0.01, BatchSize: 0).Validate()).ParamName);
        Assert.Equal("Momentum", Assert.Throws<ArgumentOutOfRangeException>(() => new SubnetFineTuningOptions(50, 0.01, Momentum: 1.0).Validate()).ParamName);
        Assert.Equal("WeightDecay", Assert.Throws<ArgumentOutOfRangeException>(() => new SubnetFineTuningOptions(50, 0.01, WeightDecay: -1e-4).Validate()).ParamName);
    }

    [Fact]
    public void Options_WithoutFineTuning_WriteNoFieldSoEarlierResultsCompareEqual()
    {
        var json = JsonSerializer.Serialize(new EvaluationOptions(), TrainingRunWriter.JsonOptions);
        var tuned = JsonSerializer.Serialize(new EvaluationOptions(FineTuning: new SubnetFineTuningOptions(50, 0.01)), TrainingRunWriter.JsonOptions);

        Assert.DoesNotContain("fine_tuning", json, StringComparison.Ordinal);
        Assert.Equal(new SubnetFineTuningOptions(50, 0.01), JsonSerializer.Deserialize<EvaluationOptions>(tuned, TrainingRunWriter.JsonOptions)!.FineTuning);
    }

    private static float[][] Weights(Nb201Supernet model) => [.. model.parameters().Select(p => p.data<float>().ToArray())];
}
