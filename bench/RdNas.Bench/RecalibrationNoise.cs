using System.Globalization;
using System.Text;
using RdNas.Nas.Evaluation;
using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Runs;

namespace RdNas.Bench;

/// <summary>
/// How much of a supernet's ranking error is BN-recalibration noise: each subnet of a held-out draw (sample seed 1,
/// never the reported sample seed 0) is measured twice per recalibration budget, from two differently seeded draws of
/// recalibration images, on the same valid images (the first VALID of the valid half). The test-retest τ between the
/// two measurements and the noise sd(a − b)/√2 against the subnets' spread need no ground truth; τ against the ground
/// truth is printed alongside, on the held-out draw only.
/// </summary>
internal static class RecalibrationNoise
{
    private const long HeldOutSampleSeed = 1;

    public static void Run(string runDirectory, string presetName, int subnets, int validImages, string output, IReadOnlyList<int> batchCounts)
    {
        using var run = FinishedRun.Open(runDirectory, presetName);
        var preset = run.Spec.Preset.Evaluation with { ValidImages = validImages };
        var sample = Nb201TrainingRun.EvaluationSample(preset with { SampleSeed = HeldOutSampleSeed }).Take(subnets).ToList();
        var groundTruth = Nb201GroundTruth.Load(run.Spec.Data);
        var truth = sample.Select(g => groundTruth.Lookup(g, run.Spec.GroundTruthColumn)).ToList();
        var split = run.Split;
        var csv = new StringBuilder("arch,ground_truth");
        var columns = new List<double[]>();

        Console.WriteLine($"recal-noise {runDirectory} ({run.State.Sampler}, epoch {run.State.CompletedEpochs}), {sample.Count} subnets of sample seed {HeldOutSampleSeed}, {validImages} valid images");
        Console.WriteLine("| recal. images | test-retest τ | recal. noise (points) | subnet spread (points) | τ vs truth, draw A | τ vs truth, mean of A and B | seconds |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var batches in batchCounts)
        {
            var options = preset with { RecalibrationBatches = batches };
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var a = Measure(run, split, options, sample);
            var b = Measure(run, split with { Seed = split.Seed + 1 }, options, sample);
            var seconds = watch.Elapsed.TotalSeconds;
            var mean = a.Zip(b, (x, y) => (x + y) / 2).ToArray();
            var noise = SampleStandardDeviation.Compute([.. a.Zip(b, (x, y) => x - y)]) / Math.Sqrt(2);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {batches} × {options.RecalibrationBatchSize} | {KendallTau.Compute(a, b):F3} | {noise:F2} | {SampleStandardDeviation.Compute(mean):F2} | {KendallTau.Compute(a, truth):F3} | {KendallTau.Compute(mean, truth):F3} | {seconds:F0} |"));
            csv.Append(CultureInfo.InvariantCulture, $",acc_recal{batches}_a,acc_recal{batches}_b");
            columns.Add(a);
            columns.Add(b);
        }

        csv.AppendLine();
        for (var i = 0; i < sample.Count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{sample[i]},{truth[i]}");
            foreach (var column in columns)
            {
                csv.Append(CultureInfo.InvariantCulture, $",{column[i]}");
            }

            csv.AppendLine();
        }

        File.WriteAllText(output, csv.ToString());
    }

    // The split's seed draws the recalibration images (RandomStreams.Recalibration); train and valid halves are unchanged.
    private static double[] Measure(FinishedRun run, Nas.Data.TrainValidSplit split, EvaluationOptions options, IReadOnlyList<Nas.SearchSpaces.Nb201.Nb201Genotype> sample)
    {
        var evaluator = new SubnetEvaluator(run.Model, run.Images, split, options);
        return [.. sample.Select(g => evaluator.Measure(g).Accuracy)];
    }
}
