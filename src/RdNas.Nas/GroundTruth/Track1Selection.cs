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

        if (ArchitectureListSyntax.FilePath(selection) is { } path)
        {
            var listed = ArchitectureListSyntax.ReadFile(path, ResNet48Genotype.Parse);
            var named = File.Exists(data.PathOf(Track1Architectures.TestSetPath))
                ? Track1Architectures.LoadTestSet(data).ToDictionary(a => a.Genotype, a => a.Name)
                : [];
            return [.. listed.Select(entry => new Track1Architecture(named.GetValueOrDefault(entry.Architecture, $"line{entry.Line}"), entry.Architecture, 0))];
        }

        var testSet = Track1Architectures.LoadTestSet(data);
        if (selection == "all")
        {
            return testSet;
        }

        return ArchitectureListSyntax.FirstCount(selection, testSet.Count) is { } count
            ? [.. testSet.Take(count)]
            : throw new ArgumentException($"--archs {selection}: expected all, first:N, standalone or file:PATH");
    }
}
