using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using RdNas.Nas.Data;
using RdNas.Nas.Devices;
using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.GroundTruth;

namespace RdNas.Nas.Runs;

/// <summary>
/// Scores a finished run's supernet again — on another subnet sample, with other batch-norm statistics or against
/// another ground-truth column — into a folder of its own, leaving the run as it is: <c>subnets.csv</c>, and the run's
/// <c>result.json</c> with the evaluation settings, ranking, timings and final history point replaced and
/// <c>rescored_from</c> naming the run, so <c>rdnas compare</c> reads the folder as a run of another evaluation. The
/// scoring is journaled in the output folder (<see cref="EvaluationJournal"/>), so a stopped rescoring continues.
/// Synchronous; run it on a dedicated thread.
/// </summary>
public static class RunRescoring
{
    /// <summary>The result.json field naming the run a rescored folder was scored from.</summary>
    public const string SourceField = "rescored_from";

    /// <summary>Scores <paramref name="spec"/>'s run as it asks and returns the new ranking.</summary>
    public static RankingReport Run(RescoringSpec spec, IEvaluationObserver? observer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var source = Path.TrimEndingDirectorySeparator(Path.GetFullPath(spec.RunDirectory));
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(spec.OutputDirectory));
        if (string.Equals(source, output, StringComparison.Ordinal))
        {
            throw new ArgumentException($"the output folder must differ from the run folder {source}: rescoring never rewrites the run it reads", nameof(spec));
        }

        var groundTruth = Nb201GroundTruth.Load(spec.Data);
        if (spec.GroundTruthColumn is { } asked)
        {
            groundTruth.RequireColumn(asked, nameof(spec)); // a typo is said before the supernet loads
        }

        var device = (spec.Device ?? ComputeDevice.Auto).Resolve();
        using var supernet = TrainedSupernet.Open(source, spec.Data, device: device, evaluation: spec.Apply);
        var result = JsonNode.Parse(File.ReadAllText(Path.Combine(source, TrainingRunWriter.ResultFile)))!.AsObject();
        var column = spec.GroundTruthColumn ?? supernet.GroundTruth;
        groundTruth.RequireColumn(column, nameof(spec));

        Directory.CreateDirectory(output);
        var threads = TorchSharp.torch.get_num_threads();
        var watch = Stopwatch.StartNew();
        using var journal = EvaluationJournal.Open(output, supernet.Model, supernet.Evaluation, ComputeDevice.Name(device), threads);
        var scored = SampleScoring.Score(supernet.Evaluator, supernet.Evaluation, groundTruth, column, observer, journal, cancellationToken);
        watch.Stop();

        var history = result["history"] as JsonArray ?? [];
        foreach (var final in history.Where(entry => (int?)entry?["epoch"] == supernet.State.CompletedEpochs).ToList())
        {
            history.Remove(final);
        }

        history.Add(Node(new HistoryEntry(supernet.State.CompletedEpochs, scored.Scores.Count, scored.ValidImages, scored.Ranking)));
        result["history"] = history;
        result["subnets"] = scored.Scores.Count;
        result["evaluation"] = Node(supernet.Evaluation);
        result["ranking"] = Node(scored.Ranking);
        result["ground_truth"] = column;
        result["valid_images_scored"] = scored.ValidImages;
        result["eval_seconds"] = watch.Elapsed.TotalSeconds + scored.ResumedSeconds;
        result["evaluation_resumed_subnets"] = scored.ResumedSubnets > 0 ? scored.ResumedSubnets : null;
        result["threads"] = threads;
        result["device"] = ComputeDevice.Name(device);
        result["finished_utc"] = DateTimeOffset.UtcNow;
        result[SourceField] = source;
        AtomicFile.WriteAllText(Path.Combine(output, TrainingRunWriter.SubnetsFile), TrainingRunWriter.SubnetsCsv(scored.Scores));
        AtomicFile.WriteAllText(Path.Combine(output, TrainingRunWriter.ResultFile), result.ToJsonString(TrainingRunWriter.JsonOptions));
        journal.Complete();
        return scored.Ranking;
    }

    private static JsonNode? Node<T>(T value) => JsonSerializer.SerializeToNode(value, TrainingRunWriter.JsonOptions);
}
