using System.Text.Json;
using RdNas.Nas.Data;

namespace RdNas.Nas.Runs;

/// <summary>
/// A JSON list of per-epoch entries kept beside a run's checkpoint and saved atomically after each addition, so a
/// resumed run keeps the entries of the epochs it does not train again. An epoch trained again (a run stopped after
/// its entry but before its checkpoint) replaces its entry.
/// </summary>
/// <typeparam name="T">The entry, serialised with the result files' conventions.</typeparam>
internal sealed class EpochJournal<T>
    where T : IEpochEntry
{
    private readonly string _path;
    private readonly List<T> _entries;

    private EpochJournal(string path, List<T> entries)
    {
        _path = path;
        _entries = entries;
    }

    /// <summary>The entries so far, by epoch.</summary>
    public IReadOnlyList<T> Entries => _entries;

    /// <summary>The journal <paramref name="fileName"/> in <paramref name="directory"/>, empty for a new run.</summary>
    public static EpochJournal<T> Open(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        var entries = File.Exists(path) ? JsonSerializer.Deserialize<List<T>>(File.ReadAllText(path), TrainingRunWriter.JsonOptions) ?? [] : [];
        return new EpochJournal<T>(path, entries);
    }

    /// <summary>Adds (or replaces) the entry of its epoch and saves the file.</summary>
    public void Add(T entry)
    {
        _entries.RemoveAll(e => e.Epoch == entry.Epoch);
        _entries.Add(entry);
        _entries.Sort((a, b) => a.Epoch.CompareTo(b.Epoch));
        AtomicFile.WriteAllText(_path, JsonSerializer.Serialize(_entries, TrainingRunWriter.JsonOptions));
    }
}
