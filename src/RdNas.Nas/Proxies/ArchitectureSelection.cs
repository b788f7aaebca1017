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

        if (ArchitectureListSyntax.FirstCount(selection, space.Size) is { } count)
        {
            return [.. space.Enumerate().Take(count)];
        }

        if (ArchitectureListSyntax.FilePath(selection) is { } path)
        {
            return [.. ArchitectureListSyntax.ReadFile(path, space.Parse).Select(entry => entry.Architecture)];
        }

        throw new ArgumentException($"--archs {selection}: expected all, first:N or file:PATH");
    }
}
