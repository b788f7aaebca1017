using System.Globalization;
using RdNas.Nas.Data;
using RdNas.Nas.Evaluation;
using RdNas.Nas.Runs;
using RdNas.Nas.Supernets.Nb201;
using RdNas.Nas.Training;

namespace RdNas.Bench;

/// <summary>
/// Runs one training run with an explicit budget instead of a named preset: the tool used to choose the CPU presets'
/// width, depth, epochs and evaluation sizes (bench/RESULTS.md lists the candidates and what they reached). A
/// candidate can be scored on a held-out draw of subnets (<paramref name="sampleSeed"/> other than the reported
/// draw's 0), so that choosing a budget does not select on the subnets the presets are reported on; a
/// <see cref="SweepVariant"/> names what else the candidate changes.
/// </summary>
internal static class PresetSweep
{
    public static void Run(int width, int cells, int epochs, int trainImages, int recalibrationBatches, int validImages, long seed, string output, long sampleSeed, int batchSize, SweepVariant variant)
    {
        var training = new TrainingOptions(epochs, batchSize, trainImages, seed) { UpdateUnusedParameters = variant.UpdateUnusedParameters, LearningRate = variant.LearningRate };
        var stopAfterEpoch = variant.StopAfterEpoch;
        var preset = new TrainingPreset(
            string.Create(CultureInfo.InvariantCulture, $"sweep-c{width}-n{cells}-e{epochs}-b{batchSize}{variant.Suffix}"),
            "preset candidate",
            new Nb201SupernetOptions(width, cells) { CellAffine = variant.CellAffine, ReductionAffine = !variant.PlainReductions, InputDownsample = 32 / variant.Resolution, HeadDropout = variant.HeadDropout },
            training,
            new EvaluationOptions(Subnets: 200, SampleSeed: sampleSeed, RecalibrationBatches: recalibrationBatches, RecalibrationBatchSize: 128, ValidImages: validImages));
        var spec = new TrainingRunSpec(preset, DataDirectory.Resolve(null), output);
        using var stop = new CancellationTokenSource();
        TrainingRunResult result;
        try
        {
            result = Nb201TrainingRun.Run(spec, new EpochObserver(epochs, stopAfterEpoch, stop), stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.WriteLine($"sweep stopped after epoch {stopAfterEpoch} of {epochs}; its checkpoint is in {spec.CheckpointDirectory}");
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sweep C={width} N={cells} epochs={epochs} images={trainImages} batch={batchSize} {variant} recal={recalibrationBatches}x128 valid={validImages} seed={seed} sample_seed={sampleSeed} tau={result.Ranking.KendallTau:F4} rho={result.Ranking.SpearmanRho:F4} train_s={result.TrainSeconds:F0} eval_s={result.EvalSeconds:F0}"));
    }

    /// <summary>Prints one line per finished epoch (a candidate runs for half an hour); stops the run once epoch <paramref name="stopAfter"/> is checkpointed.</summary>
    private sealed class EpochObserver(int epochs, int? stopAfter, CancellationTokenSource stop) : ITrainingRunObserver
    {
        public void OnTrainingProgress(TrainingProgress progress)
        {
        }

        public void OnEpochTrained(EpochRecord epoch) =>
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{DateTime.UtcNow:HH:mm:ss} epoch {epoch.Epoch}/{epochs} loss {epoch.Loss:F3} train accuracy {epoch.TrainAccuracy:P1} ({epoch.Seconds:F0} s)"));

        public void OnDeviceResolved(string device) => Console.Error.WriteLine($"training on {device}");

        public void OnTeacherProgress(int done, int total)
        {
        }

        public void OnResumed(int completedEpochs)
        {
        }

        public void OnCheckpointSaved(int completedEpochs)
        {
            if (completedEpochs == stopAfter)
            {
                stop.Cancel();
            }
        }

        public void OnEvaluationResumed(int scored, int total) => Console.Error.WriteLine($"evaluation resumed: {scored}/{total} subnets from the journal");

        public void OnEvaluationProgress(int done, int total)
        {
        }
    }
}
