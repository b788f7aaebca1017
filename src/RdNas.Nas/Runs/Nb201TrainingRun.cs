using System.Diagnostics;
using System.Globalization;
using RdNas.Nas.Data;
using RdNas.Nas.Devices;
using RdNas.Nas.Evaluation;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Randomness;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Training;
using RdNas.Nas.Training.Methods;

namespace RdNas.Nas.Runs;

/// <summary>
/// A whole NB201 experiment: train the supernet (checkpointing every epoch and resuming from an existing checkpoint in
/// the output folder), score the seeded subnet sample, rank against ground truth and write the results. Synchronous;
/// run it on a dedicated thread.
/// </summary>
public static class Nb201TrainingRun
{
    /// <summary>The search space these runs train, as result files name it.</summary>
    public const string Space = "nb201";

    /// <summary>The space ranking evaluations draw their subnets from: the 4-op space, as the RD-NAS protocol's.</summary>
    public static Nb201SearchSpace EvaluationSpace { get; } = new(4);

    /// <summary>What is wrong with an evaluation of <paramref name="subnets"/> subnets (null when nothing is).</summary>
    public static string? SubnetCountProblem(int subnets) =>
        subnets < 2 || subnets > EvaluationSpace.Size
            ? string.Create(CultureInfo.InvariantCulture, $"must be between 2 (a ranking needs a pair) and {EvaluationSpace.Size} (the 4-op space), got {subnets}")
            : null;

    /// <summary>Runs <paramref name="spec"/> to completion and returns what it wrote to result.json.</summary>
    public static TrainingRunResult Run(TrainingRunSpec spec, ITrainingRunObserver observer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(observer);
        var preset = spec.Preset;
        var groundTruth = Nb201GroundTruth.Load(spec.Data);
        groundTruth.RequireColumn(spec.GroundTruthColumn, nameof(spec)); // before training: a typo costs seconds, not a run
        RequireSameEvaluationAsAFinishedRun(spec);
        var device = spec.TrainingDevice.Resolve(); // and an unusable device, before a teacher is scored
        observer.OnDeviceResolved(ComputeDevice.Name(device));

        var images = Cifar10BinaryReader.ReadTrain(spec.Data);
        var split = TrainValidSplit.Create(images.Count, spec.SplitSeed);
        var space = new Nb201SearchSpace(preset.Supernet.OpCount);
        Directory.CreateDirectory(spec.OutputDirectory);

        var methodSpec = spec.TrainingMethod.Validate();
        var method = TrainingMethods.Create(methodSpec, space, teacher => LoadTeacher(teacher, spec, images, observer, cancellationToken));
        using var trainer = new SupernetTrainer(preset.Supernet, preset.Training, method, images, split.Train, device);
        int? resumedFrom = null;
        if (TrainingCheckpoint.Exists(spec.CheckpointDirectory))
        {
            trainer.LoadCheckpoint(spec.CheckpointDirectory);
            resumedFrom = trainer.CompletedEpochs;
            observer.OnResumed(trainer.CompletedEpochs);
        }

        var progress = new Progress(observer);
        var history = TrainingHistory.Open(spec.OutputDirectory);
        var curve = EpochJournal<EpochRecord>.Open(spec.OutputDirectory, TrainingRunWriter.TrainingCurveFile);
        var historyEpochs = TrainingHistory.Epochs(preset.HistoryPoints, preset.Training.Epochs);
        while (trainer.CompletedEpochs < preset.Training.Epochs)
        {
            var secondsBefore = trainer.TrainingSeconds;
            var epoch = trainer.TrainEpoch(progress, cancellationToken);
            var record = new EpochRecord(trainer.CompletedEpochs, epoch.Loss, epoch.Accuracy, epoch.LearningRate, trainer.TrainingSeconds - secondsBefore);
            curve.Add(record);
            observer.OnEpochTrained(record);
            if (historyEpochs.Contains(trainer.CompletedEpochs))
            {
                // Before the checkpoint: a run stopped during this evaluation trains the epoch again and evaluates it.
                using var untouched = new RunningStatisticsSnapshot(trainer.Model);
                var options = TrainingHistory.InTrainingEvaluation(preset.Evaluation);
                var partial = SampleScoring.Score(new SubnetEvaluator(trainer.Model, images, split, options), options, groundTruth, spec.GroundTruthColumn, null, null, cancellationToken);
                history.Add(new HistoryEntry(trainer.CompletedEpochs, partial.Scores.Count, partial.ValidImages, partial.Ranking));
            }

            trainer.SaveCheckpoint(spec.CheckpointDirectory);
            observer.OnCheckpointSaved(trainer.CompletedEpochs);
        }

        trainer.UseFinalWeights();
        var evalWatch = Stopwatch.StartNew();
        var threads = TorchSharp.torch.get_num_threads();
        using var journal = EvaluationJournal.Open(spec.OutputDirectory, trainer.Model, preset.Evaluation, ComputeDevice.Name(device), threads);
        var evaluator = new SubnetEvaluator(trainer.Model, images, split, preset.Evaluation);
        var evaluation = SampleScoring.Score(evaluator, preset.Evaluation, groundTruth, spec.GroundTruthColumn, observer, journal, cancellationToken);
        evalWatch.Stop();
        var (scores, validImageCount) = (evaluation.Scores, evaluation.ValidImages);
        var ranking = evaluation.Ranking;
        history.Add(new HistoryEntry(trainer.CompletedEpochs, scores.Count, validImageCount, ranking));
        var result = new TrainingRunResult(
            Space, method.Name, methodSpec.IsRdNas ? methodSpec.Teacher : null, methodSpec.IsRdNas ? methodSpec.PairSampler : null,
            methodSpec.IsRdNas ? methodSpec.Lambda : null, methodSpec, preset.Name, preset.Training.Seed, preset.Training.Epochs, scores.Count,
            trainer.TrainingSeconds, evalWatch.Elapsed.TotalSeconds + evaluation.ResumedSeconds,
            ranking, history.Entries, curve.Entries, spec.GroundTruthColumn, spec.SplitSeed, images.Count, validImageCount, resumedFrom,
            preset.Supernet, preset.Training, preset.Evaluation, threads, ComputeDevice.Name(device), DateTimeOffset.UtcNow,
            evaluation.ResumedSubnets > 0 ? evaluation.ResumedSubnets : null);
        TrainingRunWriter.Write(spec.OutputDirectory, result, scores);
        journal.Complete(); // result.json holds every score now
        return result;
    }

    /// <summary>
    /// Scores the evaluation sample of <paramref name="options"/> with <paramref name="model"/> as it is now; returns
    /// each subnet's measurement beside its ground truth in <paramref name="column"/>, and how many valid images were scored.
    /// </summary>
    public static (List<SubnetScore> Scores, int ValidImages) Score(
        Supernets.Nb201.Nb201Supernet model, Cifar10Images images, TrainValidSplit split, EvaluationOptions options,
        Nb201GroundTruth groundTruth, string column, ITrainingRunObserver? observer, CancellationToken cancellationToken)
    {
        var evaluation = SampleScoring.Score(new SubnetEvaluator(model, images, split, options), options, groundTruth, column, observer, journal: null, cancellationToken);
        return (evaluation.Scores, evaluation.ValidImages);
    }

    /// <summary>
    /// The subnets a ranking evaluation scores: drawn from the 4-op space with the evaluation's sample seed, so every
    /// run and every proxy is compared on the same cells.
    /// </summary>
    public static IReadOnlyList<Nb201Genotype> EvaluationSample(EvaluationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return EvaluationSpace.SampleDistinct(options.Subnets, new SeededGenerator(options.SampleSeed, RandomStreams.EvaluationSubnets));
    }

    // A finished run's folder is run again to resume or repeat it; scoring it another way would replace the result it
    // holds, which rdnas evaluate does into a folder of its own.
    private static void RequireSameEvaluationAsAFinishedRun(TrainingRunSpec spec)
    {
        var resultPath = Path.Combine(spec.OutputDirectory, TrainingRunWriter.ResultFile);
        if (!File.Exists(resultPath) || RecordedEvaluation.Read(resultPath) is not { } recorded)
        {
            return;
        }

        if (recorded.Options != spec.Preset.Evaluation || recorded.GroundTruth != spec.GroundTruthColumn)
        {
            throw new ArgumentException(
                $"{spec.OutputDirectory} holds a finished run scored with other evaluation settings ({Describe(recorded.Options, recorded.GroundTruth)}; " +
                $"this run asks for {Describe(spec.Preset.Evaluation, spec.GroundTruthColumn)}): to score it so without replacing its result, " +
                $"rdnas evaluate --run {spec.OutputDirectory} --out ANOTHER_FOLDER");
        }
    }

    private static string Describe(EvaluationOptions options, string groundTruth) => string.Create(CultureInfo.InvariantCulture,
        $"{options.Subnets} subnets of sample seed {options.SampleSeed}, {options.RecalibrationBatches}x{options.RecalibrationBatchSize} recalibration images, {options.ValidImages?.ToString(CultureInfo.InvariantCulture) ?? "all"} valid images, {(options.BatchNorm == BatchNormStatistics.ValidBatch ? "valid-batch" : "recalibrated")} batch norms, against {groundTruth}");

    // The teacher scores the space it ranks, on the benchmark network, with seed 0 (a teacher is a fixed function of
    // the cell, whatever the training seed).
    private static Teachers.TeacherScores LoadTeacher(Proxies.ProxyColumn teacher, TrainingRunSpec spec, Cifar10Images images, ITrainingRunObserver observer, CancellationToken cancellationToken)
    {
        var space = new Nb201SearchSpace(spec.Preset.Supernet.OpCount);
        if (spec.TeacherSource is { } source)
        {
            return source(teacher, space, cancellationToken);
        }

        var done = 0;
        return Teachers.TeacherScores.LoadOrCompute(
            teacher, space, seed: 0, spec.TeacherCache ?? TrainingRunSpec.DefaultTeacherCache, () => images, spec.Workers,
            () => observer.OnTeacherProgress(Interlocked.Increment(ref done), space.Size), cancellationToken);
    }

    private sealed class Progress(ITrainingRunObserver observer) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => observer.OnTrainingProgress(value);
    }
}
