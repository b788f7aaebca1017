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

    private readonly EpochJournal<HistoryEntry> _journal;

    private TrainingHistory(EpochJournal<HistoryEntry> journal) => _journal = journal;

    /// <summary>The entries so far, by epoch.</summary>
    public IReadOnlyList<HistoryEntry> Entries => _journal.Entries;

    /// <summary>The history in <paramref name="directory"/>, empty for a new run.</summary>
    public static TrainingHistory Open(string directory) => new(EpochJournal<HistoryEntry>.Open(directory, FileName));

    /// <summary>The epochs (1-based counts of finished epochs) at which <paramref name="points"/> evaluations fall, evenly spaced before the end.</summary>
    public static IReadOnlySet<int> Epochs(int points, int epochs) =>
        Enumerable.Range(1, Math.Max(0, points)).Select(k => (int)Math.Round((double)k * epochs / (points + 1))).Where(e => e >= 1 && e < epochs).ToHashSet();

    /// <summary>The cheaper evaluation used during training.</summary>
    public static EvaluationOptions InTrainingEvaluation(EvaluationOptions final)
    {
        ArgumentNullException.ThrowIfNull(final);
        return final with { Subnets = Math.Min(50, final.Subnets), ValidImages = Math.Min(2_000, final.ValidImages ?? int.MaxValue) };
    }

    /// <summary>Adds an entry and saves the file atomically.</summary>
    public void Add(HistoryEntry entry) => _journal.Add(entry);
}
