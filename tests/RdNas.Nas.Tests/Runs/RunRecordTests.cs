using RdNas.Nas.Runs;

namespace RdNas.Nas.Tests.Runs;

public sealed class RunRecordTests
{
    [Fact]
    public void Read_ResultOfAnotherImplementation_KeepsItsNameInTheConfiguration()
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-runrecord-").FullName;
        try
        {
            // The fields bench/pytorch_spos.py writes, nothing more.
            File.WriteAllText(Path.Combine(folder, TrainingRunWriter.ResultFile), """
                {"implementation": "pytorch", "torch": "1.13.0a0", "space": "nb201", "sampler": "spos", "preset": "medium",
                 "seed": 3, "epochs": 75, "subnets": 2, "train_seconds": 700.5, "eval_seconds": 1100.5,
                 "ranking": {"kendall_tau": 1.0, "spearman_rho": 1.0, "pearson_r": 1.0, "cpr": 1.0, "precision_at_top10": 1.0},
                 "ground_truth": "cifar10_valid", "valid_images_scored": 10000,
                 "supernet": {"width": 8, "cells_per_stage": 1, "op_count": 4},
                 "training": {"epochs": 75, "batch_size": 64, "train_images": 10000, "seed": 3, "nesterov": false},
                 "evaluation": {"subnets": 2, "sample": "runs/medium-s0/subnets.csv"},
                 "training_curve": [{"epoch": 1, "loss": 2.1, "train_accuracy": 0.18, "learning_rate": 0.025, "seconds": 9.0}]}
                """);
            File.WriteAllText(Path.Combine(folder, TrainingRunWriter.SubnetsFile), """
                arch,supernet_accuracy,ground_truth
                |skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|,50.5,80.1
                |nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|,60.25,90.2
                """);

            var run = RunRecord.Read(folder);

            Assert.Equal("pytorch", run.Implementation);
            Assert.Equal("spos (pytorch)", run.Configuration);
            Assert.Equal(("medium", 3L, 1801.0), (run.Preset, run.Seed, run.Seconds));
            Assert.Equal("2 subnets (seed 0) on 10000 images", run.Evaluation);
            Assert.Equal([50.5, 60.25], run.Subnets.Select(s => s.SupernetAccuracy));
            Assert.Equal(0.18, Assert.Single(run.TrainingCurve).TrainAccuracy);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("""{"subnets": 2, "sample_seed": 1, "batch_size": 64, "batch_norm": "valid_batch"}""", "2 subnets (seed 1) on 500 images, BN from each valid batch of 64")]
    [InlineData("""{"subnets": 2, "sample_seed": 1, "batch_size": 64, "batch_norm": "recalibrated"}""", "2 subnets (seed 1) on 500 images")]
    [InlineData("""{"subnets": 2, "sample_seed": 1, "batch_size": 500}""", "2 subnets (seed 1) on 500 images")]
    [InlineData("""{"subnets": 2, "sample_seed": 1, "batch_size": 500}""", "2 subnets (seed 1) on 500 images against cifar10_test", "cifar10_test")]
    [InlineData("""{"subnets": 2, "sample_seed": 1, "batch_size": 500}""", "2 subnets (seed 1) on 500 images", "cifar10_valid")]
    public void Read_Evaluation_NamesValidBatchStatisticsAndAnotherGroundTruthSoSuchRunsAreNotComparedWithTheProtocols(string evaluation, string expected, string? groundTruth = null)
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-runrecord-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, TrainingRunWriter.ResultFile), $$$"""
                {"space": "nb201", "sampler": "spos", "preset": "smoke", "seed": 0, "epochs": 1, "subnets": 2,
                 "train_seconds": 1, "eval_seconds": 1, "valid_images_scored": 500, "evaluation": {{{evaluation}}},{{{(groundTruth is null ? "" : $" \"ground_truth\": \"{groundTruth}\",")}}}
                 "ranking": {"kendall_tau": 1.0, "spearman_rho": 1.0, "pearson_r": 1.0, "cpr": 1.0, "precision_at_top10": 1.0}}
                """);

            Assert.Equal(expected, RunRecord.Read(folder).Evaluation);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
