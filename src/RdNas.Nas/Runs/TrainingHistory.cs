using System.Text.Json;
using RdNas.Nas.Data;
using RdNas.Nas.Evaluation;

namespace RdNas.Nas.Runs;

/// <summary>
/// The ranking at a few epochs during training (result.json's <c>history</c>), kept in <c>history.json</c> beside the
/// checkpoint so a resumed run keeps the entries of the epochs it does not train again. In-training evaluations are
/// cheaper than the final one (at most 50 subnets, 2,000 valid images), so they cost a fraction of a CPU budget.
/// </summary>
public sealed class TrainingHistory
{
    /// <summary>File name of the history inside the run folder.</summary>
    public const string FileName = "history.json";

    private readonly string _path;
    private readonly List<HistoryEntry> _entries;

    private TrainingHistory(string path, List<HistoryEntry> entries)
    {
        _path = path;
        _entries = entries;
    }

    /// <summary>The entries so far, by epoch.</summary>
    public IReadOnlyList<HistoryEntry> Entries => _entries;

    /// <summary>The history in <paramref name="directory"/>, empty for a new run.</summary>
    public static TrainingHistory Open(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var entries = File.Exists(path) ? JsonSerializer.Deserialize<List<HistoryEntry>>(File.ReadAllText(path), TrainingRunWriter.JsonOptions) ?? [] : [];
        return new TrainingHistory(path, entries);
    }

    /// <summary>The epochs (1-based counts of finished epochs) at which <paramref name="points"/> evaluations fall, evenly spaced before the end.</summary>
    public static IReadOnlySet<int> Epochs(int points, int epochs) =>
        Enumerable.Range(1, Math.Max(0, points)).Select(k => (int)Math.Round((double)k * epochs / (points + 1))).Where(e => e >= 1 && e < epochs).ToHashSet();

    /// <summary>The cheaper evaluation used during training.</summary>
    public static EvaluationOptions InTrainingEvaluation(EvaluationOptions final)
    {
        ArgumentNullException.ThrowIfNull(final);
        return final with { Subnets = Math.Min(50, final.Subnets), ValidImages = Math.Min(2_000, final.ValidImages ?? int.MaxValue) };
    }

    /// <summary>Whether an entry for <paramref name="epoch"/> exists.</summary>
    public bool Has(int epoch) => _entries.Any(e => e.Epoch == epoch);

    /// <summary>Adds an entry and saves the file atomically.</summary>
    public void Add(HistoryEntry entry)
    {
        _entries.RemoveAll(e => e.Epoch == entry.Epoch);
        _entries.Add(entry);
        _entries.Sort((a, b) => a.Epoch.CompareTo(b.Epoch));
        AtomicFile.WriteAllText(_path, JsonSerializer.Serialize(_entries, TrainingRunWriter.JsonOptions));
    }
}
