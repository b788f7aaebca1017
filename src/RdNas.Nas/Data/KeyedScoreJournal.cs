using System.Globalization;
using System.Text;

namespace RdNas.Nas.Data;

/// <summary>
/// An append-only record of scores by key (an architecture's canonical string), so a long scoring that stops (a
/// crash, Ctrl+C, a lost silo) continues where it was instead of starting again: proxy tables keep one beside the
/// table being written (<c>OUT.partial</c>), a training run one for its final evaluation. Its first line (the
/// signature) names what was being scored — proxies and seed, or the weights and the evaluation's settings; a journal
/// of another signature is discarded.
/// </summary>
public sealed class KeyedScoreJournal : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, double[]> _done = new(StringComparer.Ordinal);
    private readonly StreamWriter _writer;
    private readonly int _width;

    /// <summary>
    /// Opens (or starts) the journal at <paramref name="path"/> for <paramref name="signature"/> (one line), with
    /// <paramref name="width"/> scores a key.
    /// </summary>
    public KeyedScoreJournal(string path, string signature, int width)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(signature);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (signature.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("a journal's signature must be one line", nameof(signature));
        }

        Path = path;
        _width = width;
        var resume = File.Exists(path) && File.ReadLines(path).FirstOrDefault() == signature;
        var cutShort = resume && EndsWithoutNewline(path);
        if (resume)
        {
            var records = File.ReadLines(path).Skip(1).ToList();
            // Every record is written whole with its newline, so a last line without one was cut by a crash, perhaps
            // inside its last number: it is not trusted even when it parses.
            foreach (var line in cutShort ? records.SkipLast(1) : records)
            {
                TryRead(line);
            }
        }

        _writer = new StreamWriter(path, append: resume, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        if (cutShort)
        {
            _writer.WriteLine(); // end the line a crash cut short, so the next record starts a line of its own
        }

        if (!resume)
        {
            _writer.WriteLine(signature);
            _writer.Flush();
        }
    }

    /// <summary>The journal's file.</summary>
    public string Path { get; }

    /// <summary>How many keys the journal holds.</summary>
    public int Count => _done.Count;

    /// <summary>The journaled scores of <paramref name="cell"/>, or null.</summary>
    public double[]? Find(string cell)
    {
        lock (_lock)
        {
            return _done.GetValueOrDefault(cell);
        }
    }

    /// <summary>Records the scores of <paramref name="cell"/> (thread-safe; on disk before it returns).</summary>
    public void Record(string cell, double[] scores)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cell);
        ArgumentNullException.ThrowIfNull(scores);
        if (cell.AsSpan().IndexOfAny(',', '\n') >= 0)
        {
            throw new ArgumentException($"a journal key cannot hold a comma or a line break: '{cell}'", nameof(cell));
        }

        if (scores.Length != _width)
        {
            throw new ArgumentException($"the journal holds {_width} scores a key, not {scores.Length}", nameof(scores));
        }

        var line = new StringBuilder(cell);
        foreach (var score in scores)
        {
            line.Append(',').Append(score.ToString("R", CultureInfo.InvariantCulture));
        }

        lock (_lock)
        {
            _done[cell] = scores;
            _writer.WriteLine(line);
            _writer.Flush();
        }
    }

    /// <summary>Closes and deletes the journal: what it fed has been written.</summary>
    public void Complete()
    {
        _writer.Dispose();
        File.Delete(Path);
    }

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();

    private static bool EndsWithoutNewline(string path)
    {
        using var file = File.OpenRead(path);
        if (file.Length == 0)
        {
            return false;
        }

        file.Seek(-1, SeekOrigin.End);
        return file.ReadByte() != '\n';
    }

    // An unreadable line is skipped: that architecture is scored again.
    private void TryRead(string line)
    {
        var fields = line.Split(',');
        if (fields.Length != _width + 1 || fields[0].Length == 0)
        {
            return;
        }

        var scores = new double[_width];
        for (var i = 0; i < _width; i++)
        {
            if (!double.TryParse(fields[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out scores[i]))
            {
                return;
            }
        }

        _done[fields[0]] = scores;
    }
}
