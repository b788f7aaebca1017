using System.Diagnostics;
using System.Globalization;
using RdNas.Nas.Data;
using RdNas.Nas.Evaluation;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Randomness;
using RdNas.Nas.Runs;
using RdNas.Nas.Sampling;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Training;
using RdNas.Nas.Training.Methods;

namespace RdNas.Bench;

/// <summary>
/// Trains cells of a preset's evaluation sample each on its own (no weight sharing): the preset's network shape, train
/// images, optimiser and seed, for the given epochs, then scored exactly as the preset scores a subnet. It separates
/// the two things a CPU supernet's ranking error can come from: if networks this small, trained this briefly, already
/// rank the cells as the supernet does, the error belongs to the reduced task, not to weight sharing. Takes every
/// <c>stride</c>-th cell from <c>offset</c>, so two processes can share the sample; each finished cell is appended to
/// the CSV at once, and cells already in it are skipped, so a stopped run goes on where it stopped.
/// </summary>
internal static class StandaloneTraining
{
    public const string Header = "index,arch,accuracy,loss,ground_truth,train_accuracy,train_s,eval_s";

    public static void Run(string presetName, int epochs, int stride, int offset, string outputCsv)
    {
        if (epochs <= 0 || stride <= 0 || offset < 0 || offset >= stride)
        {
            throw new ArgumentException($"standalone: epochs ({epochs}) and stride ({stride}) must be positive and offset ({offset}) in [0, stride)");
        }

        var spec = new TrainingRunSpec(TrainingPresets.Get(presetName), DataDirectory.Resolve(null), Path.GetDirectoryName(Path.GetFullPath(outputCsv))!);
        var preset = spec.Preset;
        var images = Cifar10BinaryReader.ReadTrain(spec.Data);
        var split = TrainValidSplit.Create(images.Count, spec.SplitSeed);
        var truth = Nb201GroundTruth.Load(spec.Data);
        var sample = Nb201TrainingRun.EvaluationSample(preset.Evaluation);
        var done = StandaloneCell.Read([outputCsv]).Select(c => c.Arch).ToHashSet(StringComparer.Ordinal);
        if (!File.Exists(outputCsv))
        {
            File.WriteAllText(outputCsv, Header + "\n");
        }

        var training = preset.Training with { Epochs = epochs };
        for (var i = offset; i < sample.Count; i += stride)
        {
            var genotype = sample[i];
            if (done.Contains(genotype.ToString()))
            {
                continue;
            }

            var watch = Stopwatch.StartNew();
            using var trainer = new SupernetTrainer(preset.Supernet, training, new SposMethod(new FixedSubnetSampler(genotype)), images, split.Train);
            TrainingProgress last = default!;
            while (trainer.CompletedEpochs < epochs)
            {
                last = trainer.TrainEpoch();
            }

            var trainSeconds = watch.Elapsed.TotalSeconds;
            watch.Restart();
            var measured = new SubnetEvaluator(trainer.Model, images, split, preset.Evaluation).Measure(genotype);
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{i},{genotype},{measured.Accuracy},{measured.Loss},{truth.Lookup(genotype, spec.GroundTruthColumn)},{last.Accuracy},{trainSeconds:F0},{watch.Elapsed.TotalSeconds:F0}");
            File.AppendAllText(outputCsv, line + "\n");
            Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {line}");
        }
    }

    // One cell, every step: stand-alone training through the supernet trainer (operations the cell does not use are
    // never run, so never updated).
    private sealed class FixedSubnetSampler(Nb201Genotype genotype) : ISubnetSampler
    {
        public string Name => "standalone";

        public Nb201Genotype NextSubnet(SeededGenerator generator) => genotype;
    }
}
