using System.Globalization;
using RdNas.Nas.Evaluation;
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
/// under one measurement; with <c>valid-batch=B</c> it scores as the RD-NAS reference code does, each batch of B valid
/// images normalised by its own statistics instead of recalibrated ones; with <c>finetune=STEPS@LR</c> each subnet
/// first trains alone for STEPS SGD steps at learning rate LR (<see cref="SubnetFineTuningOptions"/>).
/// </summary>
internal static class CheckpointRescore
{
    private const string ValidBatchToken = "valid-batch=";
    private const string FineTuneToken = "finetune=";

    public static void Run(string runDirectory, string presetName, long sampleSeed, string output, IReadOnlyCollection<string> tokens)
    {
        var unknown = tokens.FirstOrDefault(t => t != "history" && !t.StartsWith(ValidBatchToken, StringComparison.Ordinal) && !t.StartsWith(FineTuneToken, StringComparison.Ordinal));
        if (unknown is not null)
        {
            throw new ArgumentException($"rescore: unknown token '{unknown}' (expected history, {ValidBatchToken}SIZE, {FineTuneToken}STEPS@LR)");
        }

        var validBatch = ValidBatchSize(tokens);
        var fineTuning = tokens.FirstOrDefault(t => t.StartsWith(FineTuneToken, StringComparison.Ordinal)) is { } token ? FineTuning(token) : null;
        using var run = FinishedRun.Open(runDirectory, presetName);
        var evaluation = tokens.Contains("history") ? TrainingHistory.InTrainingEvaluation(run.Spec.Preset.Evaluation) : run.Spec.Preset.Evaluation;
        if (validBatch is { } size)
        {
            evaluation = evaluation with { BatchNorm = BatchNormStatistics.ValidBatch, BatchSize = size };
        }


        var (scores, validImages) = Nb201TrainingRun.Score(
            run.Model, run.Images, run.Split, evaluation with { SampleSeed = sampleSeed, FineTuning = fineTuning },
            Nb201GroundTruth.Load(run.Spec.Data), run.Spec.GroundTruthColumn, null, CancellationToken.None);
        File.WriteAllText(output, TrainingRunWriter.SubnetsCsv(scores));

        var truth = scores.Select(s => s.GroundTruth).ToList();
        var byAccuracy = RankingReport.Compute([.. scores.Select(s => s.SupernetAccuracy)], truth);
        var byLoss = RankingReport.Compute([.. scores.Select(s => -s.SupernetLoss)], truth);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rescore {runDirectory} ({run.State.Sampler}, epoch {run.State.CompletedEpochs}) sample_seed={sampleSeed} subnets={scores.Count} valid_images={validImages} batch_norm={evaluation.BatchNorm} batch={evaluation.BatchSize} finetune={fineTuning?.Steps ?? 0}@{fineTuning?.LearningRate ?? 0} tau_accuracy={byAccuracy.KendallTau:F4} tau_loss={byLoss.KendallTau:F4} rho_accuracy={byAccuracy.SpearmanRho:F4} rho_loss={byLoss.SpearmanRho:F4}"));
    }

    private static int? ValidBatchSize(IEnumerable<string> tokens)
    {
        if (tokens.FirstOrDefault(t => t.StartsWith(ValidBatchToken, StringComparison.Ordinal)) is not { } token)
        {
            return null;
        }

        return int.TryParse(token[ValidBatchToken.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size > 0
            ? size
            : throw new ArgumentException($"rescore: {token}: the batch size must be a positive whole number");
    }

    private static SubnetFineTuningOptions FineTuning(string token)
    {
        var error = $"rescore: {token}: expected STEPS@LEARNING_RATE, a positive whole number and a positive number, such as {FineTuneToken}50@0.01";
        var parts = token[FineTuneToken.Length..].Split('@');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var steps)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var learningRate))
        {
            throw new ArgumentException(error);
        }

        try
        {
            return new SubnetFineTuningOptions(steps, learningRate).Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException(error, e);
        }
    }
}
