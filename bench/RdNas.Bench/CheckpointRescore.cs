using System.Globalization;
using System.Text;
using RdNas.Nas.Data;
using RdNas.Nas.Evaluation;
using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Runs;
using RdNas.Nas.Supernets.Nb201;
using RdNas.Nas.Training;

namespace RdNas.Bench;

/// <summary>
/// Scores a finished run's checkpoint on another subnet sample (another sample seed) and prints the ranking by
/// supernet accuracy and by supernet valid loss side by side: how scoring choices are judged without looking at the
/// evaluation sample every reported figure uses (sample seed 0).
/// </summary>
internal static class CheckpointRescore
{
    public static void Run(string runDirectory, string presetName, long sampleSeed, string output)
    {
        var preset = TrainingPresets.Get(presetName);
        var data = DataDirectory.Resolve(null);
        var groundTruth = Nb201GroundTruth.Load(data);
        var images = Cifar10BinaryReader.ReadTrain(data);
        var split = TrainValidSplit.Create(images.Count, 0);
        using var model = new Nb201Supernet(preset.Supernet);
        using var optimizer = new MomentumSgd(model.parameters(), preset.Training.LearningRate, preset.Training.Momentum, preset.Training.WeightDecay);
        var state = TrainingCheckpoint.Load(Path.Combine(runDirectory, "checkpoint"), model, optimizer);
        var options = preset.Evaluation with { SampleSeed = sampleSeed };
        var evaluator = new SubnetEvaluator(model, images, split, options);
        var csv = new StringBuilder("arch,supernet_accuracy,ground_truth,supernet_loss\n");
        var (accuracy, negativeLoss, truth) = (new List<double>(), new List<double>(), new List<double>());
        foreach (var genotype in Nb201TrainingRun.EvaluationSample(options))
        {
            var measured = evaluator.Measure(genotype);
            var gt = groundTruth.Lookup(genotype, "cifar10_valid");
            accuracy.Add(measured.Accuracy);
            negativeLoss.Add(-measured.Loss);
            truth.Add(gt);
            csv.Append(CultureInfo.InvariantCulture, $"{genotype},{measured.Accuracy:R},{gt:R},{measured.Loss:R}\n");
        }

        File.WriteAllText(output, csv.ToString());
        var byAccuracy = RankingReport.Compute(accuracy, truth);
        var byLoss = RankingReport.Compute(negativeLoss, truth);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rescore {runDirectory} ({state.Sampler}, epoch {state.CompletedEpochs}) sample_seed={sampleSeed} tau_accuracy={byAccuracy.KendallTau:F4} tau_loss={byLoss.KendallTau:F4} rho_accuracy={byAccuracy.SpearmanRho:F4} rho_loss={byLoss.SpearmanRho:F4}"));
    }
}
