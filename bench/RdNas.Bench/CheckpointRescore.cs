using System.Globalization;
using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Runs;
using RdNas.Nas.Training;

namespace RdNas.Bench;

/// <summary>
/// Scores a finished run's checkpoint on another subnet sample (another sample seed) and prints the ranking by
/// supernet accuracy and by supernet valid loss side by side: how scoring choices are judged without looking at the
/// evaluation sample every reported figure uses (sample seed 0). With <c>history</c> it scores as the in-training
/// history does (the first 50 subnets on 2,000 valid images), so a history point and the finished run can be compared
/// under one measurement.
/// </summary>
internal static class CheckpointRescore
{
    public static void Run(string runDirectory, string presetName, long sampleSeed, string output, bool historyMeasurement)
    {
        using var run = FinishedRun.Open(runDirectory, presetName);
        var evaluation = historyMeasurement ? TrainingHistory.InTrainingEvaluation(run.Spec.Preset.Evaluation) : run.Spec.Preset.Evaluation;
        var (scores, validImages) = Nb201TrainingRun.Score(
            run.Model, run.Images, run.Split, evaluation with { SampleSeed = sampleSeed },
            Nb201GroundTruth.Load(run.Spec.Data), run.Spec.GroundTruthColumn, null, CancellationToken.None);
        File.WriteAllText(output, TrainingRunWriter.SubnetsCsv(scores));

        var truth = scores.Select(s => s.GroundTruth).ToList();
        var byAccuracy = RankingReport.Compute([.. scores.Select(s => s.SupernetAccuracy)], truth);
        var byLoss = RankingReport.Compute([.. scores.Select(s => -s.SupernetLoss)], truth);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rescore {runDirectory} ({run.State.Sampler}, epoch {run.State.CompletedEpochs}) sample_seed={sampleSeed} subnets={scores.Count} valid_images={validImages} tau_accuracy={byAccuracy.KendallTau:F4} tau_loss={byLoss.KendallTau:F4} rho_accuracy={byAccuracy.SpearmanRho:F4} rho_loss={byLoss.SpearmanRho:F4}"));
    }
}
