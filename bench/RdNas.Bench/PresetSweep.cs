using System.Globalization;
using RdNas.Nas.Data;
using RdNas.Nas.Evaluation;
using RdNas.Nas.Runs;
using RdNas.Nas.Supernets.Nb201;
using RdNas.Nas.Training;

namespace RdNas.Bench;

/// <summary>
/// Runs one training run with an explicit budget instead of a named preset: the tool used to choose the CPU presets'
/// width, depth, epochs and evaluation sizes (bench/RESULTS.md lists the candidates and what they reached).
/// </summary>
internal static class PresetSweep
{
    public static void Run(int width, int cells, int epochs, int trainImages, int recalibrationBatches, int validImages, long seed, string output)
    {
        var preset = new TrainingPreset(
            $"sweep-c{width}-n{cells}-e{epochs}", "preset candidate",
            new Nb201SupernetOptions(width, cells),
            new TrainingOptions(epochs, 64, trainImages, seed),
            new EvaluationOptions(Subnets: 200, RecalibrationBatches: recalibrationBatches, RecalibrationBatchSize: 128, ValidImages: validImages));
        var spec = new TrainingRunSpec(preset, DataDirectory.Resolve(null), output);
        var result = Nb201TrainingRun.Run(spec, new SilentObserver());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sweep C={width} N={cells} epochs={epochs} images={trainImages} recal={recalibrationBatches}x128 valid={validImages} seed={seed} tau={result.Ranking.KendallTau:F4} rho={result.Ranking.SpearmanRho:F4} train_s={result.TrainSeconds:F0} eval_s={result.EvalSeconds:F0}"));
    }

    private sealed class SilentObserver : ITrainingRunObserver
    {
        public void OnTrainingProgress(TrainingProgress progress)
        {
        }

        public void OnTeacherProgress(int done, int total)
        {
        }

        public void OnResumed(int completedEpochs)
        {
        }

        public void OnCheckpointSaved(int completedEpochs)
        {
        }

        public void OnEvaluationProgress(int done, int total)
        {
        }
    }
}
