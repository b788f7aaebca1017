using RdNas.Nas.Data;
using RdNas.Nas.SearchSpaces;
using RdNas.Nas.SearchSpaces.ResNet48;

namespace RdNas.Nas.GroundTruth;

/// <summary>
/// Which ResNet48 architectures to score: <c>all</c> (the 45,000 Track 1 test architectures), <c>first:N</c> (the
/// first N of them), <c>standalone</c> (arch1..arch30, the ones with stand-alone accuracies) or <c>file:PATH</c> (one
/// 52-digit code per line; blank lines and lines starting with # are skipped). Architectures of the test set keep
/// their names; others from a file are named by their line (<c>line12</c>).
/// </summary>
public static class Track1Selection
{
    /// <summary>The architectures <paramref name="selection"/> names; errors name the bad part.</summary>
    public static IReadOnlyList<Track1Architecture> Resolve(string selection, DataDirectory data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(selection);
        ArgumentNullException.ThrowIfNull(data);
        if (selection == "standalone")
        {
            return Track1Architectures.LoadStandalone(data);
        }

        if (selection.StartsWith("file:", StringComparison.Ordinal))
        {
            return FromFile(selection[5..], data);
        }

        var testSet = Track1Architectures.LoadTestSet(data);
        if (selection == "all")
        {
            return testSet;
        }

        if (selection.StartsWith("first:", StringComparison.Ordinal))
        {
            return int.TryParse(selection.AsSpan(6), System.Globalization.CultureInfo.InvariantCulture, out var count) && count > 0 && count <= testSet.Count
                ? [.. testSet.Take(count)]
                : throw new ArgumentException($"--archs {selection}: N must be a whole number from 1 to {testSet.Count}");
        }

        throw new ArgumentException($"--archs {selection}: expected all, first:N, standalone or file:PATH");
    }

    private static List<Track1Architecture> FromFile(string path, DataDirectory data)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"--archs file:{path}: no such file", path);
        }

        var named = File.Exists(data.PathOf(Track1Architectures.TestSetPath))
            ? Track1Architectures.LoadTestSet(data).ToDictionary(a => a.Genotype, a => a.Name)
            : [];
        var architectures = new List<Track1Architecture>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            var code = line.Trim();
            if (code.Length == 0 || code.StartsWith('#'))
            {
                continue;
            }

            try
            {
                var genotype = ResNet48Genotype.Parse(code);
                architectures.Add(new Track1Architecture(named.GetValueOrDefault(genotype, $"line{lineNumber}"), genotype, 0));
            }
            catch (ArchitectureFormatException e)
            {
                throw new ArgumentException($"{path}:{lineNumber}: {e.Message}", e);
            }
        }

        return architectures.Count > 0 ? architectures : throw new ArgumentException($"{path}: no architectures in the file");
    }
}
