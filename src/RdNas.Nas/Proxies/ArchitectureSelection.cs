using RdNas.Nas.SearchSpaces;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Proxies;

/// <summary>
/// Which cells to score: <c>all</c> (the whole space), <c>first:N</c> (the first N in enumeration order) or
/// <c>file:PATH</c> (one arch string per line; blank lines and lines starting with # are skipped).
/// </summary>
public static class ArchitectureSelection
{
    /// <summary>The cells <paramref name="selection"/> names in <paramref name="space"/>; errors name the bad part.</summary>
    public static IReadOnlyList<Nb201Genotype> Resolve(string selection, Nb201SearchSpace space)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(selection);
        ArgumentNullException.ThrowIfNull(space);
        if (selection == "all")
        {
            return [.. space.Enumerate()];
        }

        if (selection.StartsWith("first:", StringComparison.Ordinal))
        {
            return int.TryParse(selection.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture, out var count) && count > 0 && count <= space.Size
                ? [.. space.Enumerate().Take(count)]
                : throw new ArgumentException($"--archs {selection}: N must be a whole number from 1 to {space.Size}");
        }

        if (selection.StartsWith("file:", StringComparison.Ordinal))
        {
            return FromFile(selection[5..], space);
        }

        throw new ArgumentException($"--archs {selection}: expected all, first:N or file:PATH");
    }

    private static List<Nb201Genotype> FromFile(string path, Nb201SearchSpace space)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"--archs file:{path}: no such file", path);
        }

        var cells = new List<Nb201Genotype>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var arch = line.Trim();
            if (arch.Length == 0 || arch.StartsWith('#'))
            {
                continue;
            }

            try
            {
                cells.Add(space.Parse(arch));
            }
            catch (ArchitectureFormatException e)
            {
                throw new ArgumentException($"{path}:{lineNumber}: {e.Message}", e);
            }
        }

        return cells.Count > 0 ? cells : throw new ArgumentException($"{path}: no architectures in the file");
    }
}
