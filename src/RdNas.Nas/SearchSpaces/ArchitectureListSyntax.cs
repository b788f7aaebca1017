using System.Globalization;

namespace RdNas.Nas.SearchSpaces;

/// <summary>
/// The parts of an <c>--archs</c> selection that every space shares: <c>first:N</c>, and <c>file:PATH</c> with one
/// architecture per line (blank lines and lines starting with # skipped). Errors name the selection, or the file and line.
/// </summary>
public static class ArchitectureListSyntax
{
    /// <summary>N of <c>first:N</c>, checked against the <paramref name="available"/> architectures; null for any other selection.</summary>
    public static int? FirstCount(string selection, int available)
    {
        ArgumentNullException.ThrowIfNull(selection);
        if (!selection.StartsWith("first:", StringComparison.Ordinal))
        {
            return null;
        }

        return int.TryParse(selection.AsSpan(6), CultureInfo.InvariantCulture, out var count) && count > 0 && count <= available
            ? count
            : throw new ArgumentException($"--archs {selection}: N must be a whole number from 1 to {available}");
    }

    /// <summary>The path of <c>file:PATH</c>; null for any other selection.</summary>
    public static string? FilePath(string selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return selection.StartsWith("file:", StringComparison.Ordinal) ? selection[5..] : null;
    }

    /// <summary>Each architecture of the file parsed by <paramref name="parse"/>, with its 1-based line number.</summary>
    public static List<(int Line, T Architecture)> ReadFile<T>(string path, Func<string, T> parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"--archs file:{path}: no such file", path);
        }

        var architectures = new List<(int, T)>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            try
            {
                architectures.Add((lineNumber, parse(text)));
            }
            catch (ArchitectureFormatException e)
            {
                throw new ArgumentException($"{path}:{lineNumber}: {UserMessage.Of(e)}", e);
            }
        }

        return architectures.Count > 0 ? architectures : throw new ArgumentException($"{path}: no architectures in the file");
    }
}
