using System.Text.Json;
using RdNas.Nas.Data;
using RdNas.Nas.Evaluation;
using RdNas.Nas.Runs;
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
        var images = TestData.RandomImages(40, seed: 5);
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
    public void Measure_ValidBatchStatistics_NormalisesEachValidBatchByItselfWhateverTheRunningStatistics()
    {
        using var model = Nb201NetworkFactory.Create(new Nb201SupernetOptions(Width: 4, CellsPerStage: 1), seed: 0);
        var images = TestData.RandomImages(40, seed: 5);
        var split = TrainValidSplit.Create(40, 0);
        var options = new EvaluationOptions(RecalibrationBatches: 2, RecalibrationBatchSize: 8, BatchSize: 20, BatchNorm: BatchNormStatistics.ValidBatch);
        var genotype = Nb201Genotype.Parse("|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|avg_pool_3x3~0|skip_connect~1|nor_conv_3x3~2|");
        var batchNorms = model.modules().OfType<TrackedBatchNorm2d>().ToArray();

        var measured = new SubnetEvaluator(model, images, split, options).Measure(genotype, TestContext.Current.CancellationToken);
        using (no_grad())
        {
            foreach (var bn in batchNorms)
            {
                TensorArithmetic.Fill(bn.RunningVariance, 50.0); // statistics no valid batch has: they must not be used
            }
        }

        var again = new SubnetEvaluator(model, images, split, options).Measure(genotype, TestContext.Current.CancellationToken);
        var recalibrated = new SubnetEvaluator(model, images, split, options with { BatchNorm = BatchNormStatistics.Recalibrated })
            .Measure(genotype, TestContext.Current.CancellationToken);

        Assert.Equal(measured, again);
        Assert.Equal(ValidBatchLoss(model, images, split, genotype), measured.Loss, 5);
        Assert.NotEqual(recalibrated.Loss, measured.Loss, 5);
    }

    [Fact]
    public void Options_BatchNormStatistics_WrittenByNameAndRecalibratedWhenAbsent()
    {
        var json = JsonSerializer.Serialize(new EvaluationOptions(BatchNorm: BatchNormStatistics.ValidBatch), TrainingRunWriter.JsonOptions);
        var older = JsonSerializer.Deserialize<EvaluationOptions>("""{"subnets": 200, "batch_size": 500}""", TrainingRunWriter.JsonOptions)!;

        Assert.Contains("\"batch_norm\": \"valid_batch\"", json, StringComparison.Ordinal);
        Assert.Equal(BatchNormStatistics.ValidBatch, JsonSerializer.Deserialize<EvaluationOptions>(json, TrainingRunWriter.JsonOptions)!.BatchNorm);
        Assert.Equal(BatchNormStatistics.Recalibrated, older.BatchNorm);
    }

    [Fact]
    public void WithBatchNorm_ByName_ValidBatchScoresInTheReferenceCodesBatches()
    {
        var preset = new EvaluationOptions(BatchSize: 500);

        Assert.Equal(preset, preset.WithBatchNorm("recalibrated"));
        Assert.Equal(preset with { BatchNorm = BatchNormStatistics.ValidBatch, BatchSize = 64 }, preset.WithBatchNorm("valid-batch"));
        var error = Assert.Throws<ArgumentException>(() => preset.WithBatchNorm("running"));
        Assert.StartsWith("unknown batch-norm statistics 'running' (expected recalibrated or valid-batch)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_UnknownBatchNormStatistics_NamesTheField()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new EvaluationOptions(BatchNorm: (BatchNormStatistics)7).Validate());

        Assert.Equal("BatchNorm", error.ParamName);
    }

    [Fact]
    public void Options_TooFewSubnets_NamesTheField()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new EvaluationOptions(Subnets: 1).Validate());

        Assert.Equal("Subnets", error.ParamName);
    }

    /// <summary>Mean cross-entropy of all valid images in one batch, every batch norm on that batch's statistics.</summary>
    private static double ValidBatchLoss(Nb201Supernet model, Cifar10Images images, TrainValidSplit split, Nb201Genotype genotype)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        model.eval();
        foreach (var bn in model.modules().OfType<TrackedBatchNorm2d>())
        {
            bn.train();
        }

        var (input, labels) = new Cifar10Batcher(images, model.Device).Batch(split.Valid, null);
        return nn.functional.cross_entropy(model.forward(input, genotype), labels).item<float>();
    }
}
