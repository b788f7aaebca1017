using System.Globalization;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Search;

/// <summary>
/// Every score a search has paid for, appended to a CSV as it is measured, so that a stopped search loses at most the
/// cell it was scoring: a rerun with the same seed proposes the same cells and takes their scores from the journal
/// (the strategies are deterministic given the scores). The first line names the scorer; a journal of another scorer
/// is an error rather than silently mixed in.
/// </summary>
public sealed class ScoreJournal
{
    /// <summary>The journal's file name inside a search's output folder.</summary>
    public const string FileName = "scores.csv";

    private const string ScorerPrefix = "# scorer: ";
    private const string Header = "arch,score";

    private readonly string _path;
    private readonly Dictionary<Nb201Genotype, double> _scores;

    private ScoreJournal(string path, Dictionary<Nb201Genotype, double> scores)
    {
        _path = path;
        _scores = scores;
    }

    /// <summary>Scores read back from an earlier run of the same search.</summary>
    public int Recovered { get; private init; }

    /// <summary>
    /// Opens (or starts) the journal in <paramref name="directory"/> for the scorer described by
    /// <paramref name="scorer"/> (a line that differs whenever scores would).
    /// </summary>
    public static ScoreJournal Open(string directory, string scorer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(scorer);
        if (scorer.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("the scorer description must be one line", nameof(scorer));
        }

        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, $"{ScorerPrefix}{scorer}\n{Header}\n");
            return new ScoreJournal(path, []);
        }

        var text = File.ReadAllText(path);
        var complete = text[..(text.LastIndexOf('\n') + 1)];
        var scores = Read(path, complete, scorer);
        if (complete.Length != text.Length)
        {
            // A row cut short when a search was killed mid-write: dropped, so the next row starts on its own line.
            File.WriteAllText(path, complete);
        }

        return new ScoreJournal(path, scores) { Recovered = scores.Count };
    }

    /// <summary>Wraps <paramref name="score"/>: journalled cells are answered from the file, new ones scored and appended.</summary>
    public ArchitectureScore Wrap(ArchitectureScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return (genotype, cancellationToken) =>
        {
            if (_scores.TryGetValue(genotype, out var known))
            {
                return known;
            }

            var value = score(genotype, cancellationToken);
            File.AppendAllText(_path, string.Create(CultureInfo.InvariantCulture, $"{genotype},{value:R}\n"));
            _scores.Add(genotype, value);
            return value;
        };
    }

    private static Dictionary<Nb201Genotype, double> Read(string path, string text, string scorer)
    {
        var lines = text.Split('\n');
        var written = lines[0].StartsWith(ScorerPrefix, StringComparison.Ordinal) ? lines[0][ScorerPrefix.Length..] : null;
        if (written != scorer)
        {
            throw new InvalidDataException($"{path} holds the scores of another search ({written ?? "no scorer line"}), not of {scorer}: choose another output folder, or delete the file to start over");
        }

        if (lines.Length < 3 || lines[1] != Header)
        {
            throw new InvalidDataException($"{path}: line 2 should be '{Header}'");
        }

        var scores = new Dictionary<Nb201Genotype, double>();
        for (var i = 2; i < lines.Length - 1; i++)
        {
            var comma = lines[i].LastIndexOf(',');
            if (comma < 0 || !double.TryParse(lines[i].AsSpan(comma + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                throw new InvalidDataException($"{path}, line {i + 1}: expected 'arch,score', got '{lines[i]}'");
            }

            scores[Nb201Genotype.Parse(lines[i][..comma])] = value;
        }

        return scores;
    }
}
