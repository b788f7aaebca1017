using System.Globalization;
using System.Text.Json;
using RdNas.Nas.Evaluation;
using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Training.Methods;

namespace RdNas.Nas.Runs;

/// <summary>
/// What <c>rdnas compare</c> reads back from a finished run folder: its settings, timings, final ranking, history and
/// per-subnet scores. Result files written before history existed read with an empty history, those written before
/// the method record with the method their top-level fields name.
/// </summary>
/// <param name="Method">How the run trained (<see cref="TrainingMethodSpec.Label"/> names it).</param>
/// <param name="Evaluation">What the ranking was measured on: subnet count, sample seed, valid images and (when not recalibrated) the scoring batches' BN statistics; runs are comparable only when it is equal.</param>
/// <param name="OpCount">The ops per edge of the trained space (4 or 5).</param>
/// <param name="AverageWeightsAfter">The epoch after which the evaluated weights were averaged; null for the last weights.</param>
/// <param name="TrainingCurve">Training loss and accuracy per epoch; empty for runs written before result.json kept it.</param>
/// <param name="Budget">Epochs, batch size and training images: part of what makes runs comparable.</param>
/// <param name="Implementation">
/// Null for this project's runs; another implementation of the same method that writes result.json's fields (the
/// PyTorch twin <c>bench/pytorch_spos.py</c> writes <c>pytorch</c>), so its runs form configurations of their own.
/// </param>
/// <param name="HeadDropout">Dropout before the supernet's classifier while training (0: none, and for runs written before it existed).</param>
public sealed record RunRecord(
    string Directory,
    TrainingMethodSpec Method,
    string Preset,
    long Seed,
    string Evaluation,
    int OpCount,
    double Seconds,
    RankingReport Ranking,
    IReadOnlyList<(int Epoch, double KendallTau)> History,
    IReadOnlyList<RecordedSubnet> Subnets,
    int? AverageWeightsAfter,
    IReadOnlyList<EpochRecord> TrainingCurve,
    TrainingBudget Budget,
    string? Implementation = null,
    double HeadDropout = 0)
{
    /// <summary>Epochs trained.</summary>
    public int Epochs => Budget.Epochs;

    /// <summary>The sampler (<c>spos</c>, <c>rdnas</c>, …).</summary>
    public string Sampler => Method.Sampler;

    /// <summary>The RD-NAS teacher; null for other samplers.</summary>
    public string? Teacher => Method.IsRdNas ? Method.Teacher : null;

    /// <summary>The RD-NAS pair sampler; null for other samplers.</summary>
    public string? PairSampler => Method.IsRdNas ? Method.PairSampler : null;

    /// <summary>
    /// The method and what was evaluated: runs of one configuration differ only in their seeds. The supernet's head
    /// dropout is part of it, weight averaging too (it changes the evaluated weights, not the training), and so is
    /// another implementation.
    /// </summary>
    public string Configuration => Method.ConfigurationLabel(AverageWeightsAfter, HeadDropout) + (Implementation is { } other ? $" ({other})" : string.Empty);

    /// <summary>A short label: folder name and configuration.</summary>
    public string Label => $"{Path.GetFileName(Directory)} ({Configuration})";

    /// <summary>Which operations this run's supernet misjudges over the subnets it scored; a subnet that is no NB201 cell is a <see cref="FormatException"/>.</summary>
    public IReadOnlyList<OperationBias> OperationBias() =>
        Nas.Evaluation.OperationBias.Compute([.. Subnets.Select(s => Nb201Genotype.Parse(s.Arch))], [.. Subnets.Select(s => s.SupernetAccuracy)], [.. Subnets.Select(s => s.GroundTruth)]);

    /// <summary>Reads <c>result.json</c> and <c>subnets.csv</c> of <paramref name="directory"/>; errors name the missing file.</summary>
    public static RunRecord Read(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        directory = Path.TrimEndingDirectorySeparator(directory); // "runs/x/" (as a shell glob gives it) names run x

        var resultPath = Path.Combine(directory, TrainingRunWriter.ResultFile);
        if (!File.Exists(resultPath))
        {
            throw new FileNotFoundException($"{directory}: no {TrainingRunWriter.ResultFile} (is it a finished run folder?)", resultPath);
        }

        using var json = JsonDocument.Parse(File.ReadAllText(resultPath));
        var root = json.RootElement;
        var ranking = root.GetProperty("ranking").Deserialize<RankingReport>(TrainingRunWriter.JsonOptions)!;
        var epochs = root.GetProperty("epochs").GetInt32();
        var history = root.TryGetProperty("history", out var entries)
            ? entries.EnumerateArray().Select(e => (e.GetProperty("epoch").GetInt32(), e.GetProperty("ranking").GetProperty("kendall_tau").GetDouble())).ToList()
            : [(epochs, ranking.KendallTau)]; // written before runs kept a history: the final ranking only
        return new RunRecord(
            directory,
            ReadMethod(root),
            root.GetProperty("preset").GetString()!,
            root.GetProperty("seed").GetInt64(),
            ReadEvaluation(root),
            root.TryGetProperty("supernet", out var supernet) && supernet.TryGetProperty("op_count", out var ops) ? ops.GetInt32() : 4,
            root.GetProperty("train_seconds").GetDouble() + root.GetProperty("eval_seconds").GetDouble(),
            ranking,
            history,
            ReadSubnets(Path.Combine(directory, TrainingRunWriter.SubnetsFile)),
            root.TryGetProperty("training", out var training) && training.TryGetProperty("average_weights_after", out var after) && after.ValueKind == JsonValueKind.Number
                ? after.GetInt32()
                : null,
            root.TryGetProperty("training_curve", out var curve) ? curve.Deserialize<List<EpochRecord>>(TrainingRunWriter.JsonOptions)! : [],
            new TrainingBudget(epochs, OptionalInt(training, "batch_size"), OptionalInt(training, "train_images")),
            OptionalString(root, "implementation"),
            supernet.ValueKind == JsonValueKind.Object && supernet.TryGetProperty("head_dropout", out var dropout) ? dropout.GetDouble() : 0);
    }

    private static TrainingMethodSpec ReadMethod(JsonElement root)
    {
        var sampler = root.GetProperty("sampler").GetString()!;
        if (root.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.Object)
        {
            return method.Deserialize<TrainingMethodSpec>(TrainingRunWriter.JsonOptions)! with { Sampler = sampler };
        }

        var defaults = new TrainingMethodSpec(sampler);
        return defaults with
        {
            Teacher = OptionalString(root, "teacher") ?? defaults.Teacher,
            PairSampler = OptionalString(root, "pair_sampler") ?? defaults.PairSampler,
            Lambda = OptionalString(root, "lambda") ?? defaults.Lambda,
        };
    }

    private static string ReadEvaluation(JsonElement root)
    {
        var subnets = root.GetProperty("subnets").GetInt32();
        var sampleSeed = root.TryGetProperty("evaluation", out var evaluation) && evaluation.TryGetProperty("sample_seed", out var seed) ? seed.GetInt64() : 0;
        var images = root.TryGetProperty("valid_images_scored", out var scored) ? scored.GetInt32().ToString(CultureInfo.InvariantCulture) : "?";
        var batchNorm = evaluation.ValueKind == JsonValueKind.Object && evaluation.TryGetProperty("batch_norm", out var statistics)
            ? statistics.Deserialize<BatchNormStatistics>(TrainingRunWriter.JsonOptions)
            : BatchNormStatistics.Recalibrated; // written before the choice existed
        var perBatch = batchNorm == BatchNormStatistics.ValidBatch && evaluation.TryGetProperty("batch_size", out var size)
            ? $", BN from each valid batch of {size.GetInt32()}"
            : string.Empty;
        // Ranked against another column (train --ground-truth, evaluate --ground-truth), τ measures something else.
        var column = OptionalString(root, "ground_truth") is { } named && named != TrainingRunSpec.DefaultGroundTruth ? $" against {named}" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{subnets} subnets (seed {sampleSeed}) on {images} images{perBatch}{column}");
    }

    private static int? OptionalInt(JsonElement training, string name) =>
        training.ValueKind == JsonValueKind.Object && training.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<RecordedSubnet> ReadSubnets(string path) =>
        File.Exists(path)
            ? [.. File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
                .Select(f => new RecordedSubnet(f[0], double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)))]
            : [];
}
