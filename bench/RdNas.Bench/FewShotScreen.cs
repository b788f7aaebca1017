using System.Globalization;
using RdNas.Nas.Data;
using RdNas.Nas.Evaluation;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Runs;
using RdNas.Nas.Sampling;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Training;
using RdNas.Nas.Training.Methods;

namespace RdNas.Bench;

/// <summary>
/// Few-shot supernets (Zhao et al., ICML 2021) at a preset's size: SPOS trains one supernet for
/// <c>oneShotEpochs</c>, then the supernet is split on one edge into one sub-supernet per operation, each starting from
/// the one-shot weights (and optimiser, data order, schedule) and trained for <c>subEpochs</c> more with that edge fixed
/// to its operation; each subnet of the evaluation sample is scored by the sub-supernet of its operation on that edge.
/// The sub-supernets share no weights with each other, so the interference between that edge's operations, which the
/// stand-alone comparison blames for the CPU supernets' error, is gone on it. The schedule is one cosine over
/// <c>oneShotEpochs + subEpochs</c>; total training is <c>oneShotEpochs + 4 × subEpochs</c> epochs. Resumable: the one-shot
/// stage is checkpointed every epoch and its last checkpoint kept as the split point, and each finished sub-supernet's
/// scores are appended to the CSV at once and not redone. Data from <c>dataFolder</c>, else <c>RDNAS_DATA</c>.
/// </summary>
internal static class FewShotScreen
{
    public const string Header = "edge_op,arch,accuracy,loss,ground_truth";

    public static void Run(string presetName, int oneShotEpochs, int subEpochs, int edge, long seed, long sampleSeed, string outputDirectory, string? dataFolder = null)
    {
        if (oneShotEpochs <= 0 || subEpochs <= 0 || edge is < 0 or >= Nb201Edges.Count)
        {
            throw new ArgumentException($"few-shot: epochs ({oneShotEpochs}, {subEpochs}) must be positive and the edge ({edge}) in [0, {Nb201Edges.Count})");
        }

        Directory.CreateDirectory(outputDirectory);
        var basePreset = TrainingPresets.Get(presetName);
        var preset = basePreset with
        {
            Training = basePreset.Training with { Epochs = oneShotEpochs + subEpochs, Seed = seed },
            Evaluation = basePreset.Evaluation with { SampleSeed = sampleSeed },
        };
        var spec = new TrainingRunSpec(preset, DataDirectory.Resolve(dataFolder), outputDirectory);
        var images = Cifar10BinaryReader.ReadTrain(spec.Data);
        var split = TrainValidSplit.Create(images.Count, spec.SplitSeed);
        var truth = Nb201GroundTruth.Load(spec.Data);
        var space = new Nb201SearchSpace(preset.Supernet.OpCount);
        var splitCheckpoint = Path.Combine(outputDirectory, "split-checkpoint");
        TrainOneShot(preset, new SposMethod(new EdgeFixingSampler(space, edge)), images, split, oneShotEpochs, splitCheckpoint);

        var csv = Path.Combine(outputDirectory, "subnets.csv");
        if (!File.Exists(csv))
        {
            File.WriteAllText(csv, Header + "\n");
        }

        var done = File.ReadLines(csv).Skip(1).Select(line => line.Split(',')[0]).ToHashSet(StringComparer.Ordinal);
        var sample = Nb201TrainingRun.EvaluationSample(preset.Evaluation);
        foreach (var op in space.Ops)
        {
            var name = Nb201Ops.Name(op);
            if (done.Contains(name))
            {
                continue;
            }

            var method = new SposMethod(new EdgeFixingSampler(space, edge) { Fixed = op });
            using var trainer = new SupernetTrainer(preset.Supernet, preset.Training, method, images, split.Train);
            trainer.LoadCheckpoint(splitCheckpoint);
            while (trainer.CompletedEpochs < preset.Training.Epochs)
            {
                Log(name, trainer.TrainEpoch());
            }

            var evaluator = new SubnetEvaluator(trainer.Model, images, split, preset.Evaluation);
            var lines = sample.Where(g => g[edge] == op).Select(g =>
            {
                var measured = evaluator.Measure(g);
                return string.Create(CultureInfo.InvariantCulture, $"{name},{g},{measured.Accuracy},{measured.Loss},{truth.Lookup(g, spec.GroundTruthColumn)}");
            }).ToList();
            File.AppendAllLines(csv, lines);
            Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} sub-supernet {name}: {lines.Count} subnets scored");
        }

        Report(csv, edge, seed, sampleSeed, oneShotEpochs, subEpochs);
    }

    // Checkpointed every epoch, so a stopped screen resumes inside the one-shot stage too.
    private static void TrainOneShot(TrainingPreset preset, SposMethod method, Cifar10Images images, TrainValidSplit split, int oneShotEpochs, string checkpoint)
    {
        using var trainer = new SupernetTrainer(preset.Supernet, preset.Training, method, images, split.Train);
        if (TrainingCheckpoint.Exists(checkpoint))
        {
            trainer.LoadCheckpoint(checkpoint);
        }

        while (trainer.CompletedEpochs < oneShotEpochs)
        {
            Log("one-shot", trainer.TrainEpoch());
            trainer.SaveCheckpoint(checkpoint);
        }
    }

    private static void Report(string csv, int edge, long seed, long sampleSeed, int oneShotEpochs, int subEpochs) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"few-shot edge={edge} one_shot_epochs={oneShotEpochs} sub_epochs={subEpochs} seed={seed} sample_seed={sampleSeed}: {EdgeGroups.Summary(EdgeGroups.Read(csv), edge)}"));

    private static void Log(string stage, TrainingProgress epoch) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:HH:mm:ss} {stage} epoch {epoch.Epoch + 1}/{epoch.Epochs} loss {epoch.Loss:F3} train accuracy {epoch.Accuracy:P1}"));
}
