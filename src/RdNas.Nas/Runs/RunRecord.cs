using System.Globalization;
using System.Text.Json;
using RdNas.Nas.Evaluation.Metrics;

namespace RdNas.Nas.Runs;

/// <summary>
/// What <c>rdnas compare</c> reads back from a finished run folder: its settings, timings, final ranking, history and
/// per-subnet scores. Result files written before history existed read with an empty history.
/// </summary>
public sealed record RunRecord(
    string Directory,
    string Sampler,
    string? Teacher,
    string? PairSampler,
    string Preset,
    long Seed,
    int Epochs,
    double Seconds,
    RankingReport Ranking,
    IReadOnlyList<(int Epoch, double KendallTau)> History,
    IReadOnlyList<(double SupernetAccuracy, double GroundTruth)> Subnets)
{
    /// <summary>A short label: folder name, sampler and teacher.</summary>
    public string Label => Teacher is null ? $"{Path.GetFileName(Directory)} ({Sampler})" : $"{Path.GetFileName(Directory)} ({Sampler}, {Teacher})";

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
            root.GetProperty("sampler").GetString()!,
            OptionalString(root, "teacher"),
            OptionalString(root, "pair_sampler"),
            root.GetProperty("preset").GetString()!,
            root.GetProperty("seed").GetInt64(),
            epochs,
            root.GetProperty("train_seconds").GetDouble() + root.GetProperty("eval_seconds").GetDouble(),
            ranking,
            history,
            ReadSubnets(Path.Combine(directory, TrainingRunWriter.SubnetsFile)));
    }

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<(double, double)> ReadSubnets(string path) =>
        File.Exists(path)
            ? [.. File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
                .Select(f => (double.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture)))]
            : [];
}
