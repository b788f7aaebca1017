using System.Globalization;

namespace RdNas.Cli.Commands;

/// <summary>
/// The seeds of <c>rdnas train --seeds</c>: a comma-separated list of seeds and inclusive ranges (<c>0,1,2</c>,
/// <c>0-4</c>, <c>0-2,7</c>), each seed once, in the order given.
/// </summary>
internal static class SeedList
{
    /// <summary>The most seeds one command trains.</summary>
    public const int Max = 100;

    /// <summary>The seeds <paramref name="text"/> names; the error names the part that is wrong.</summary>
    public static IReadOnlyList<long> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var seeds = new List<long>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var dash = part.Length > 1 ? part.IndexOf('-', 1) : -1; // not the sign of a negative first seed
            var (first, last) = dash < 0 ? (Seed(part, part), Seed(part, part)) : (Seed(part[..dash], part), Seed(part[(dash + 1)..], part));
            if (last < first)
            {
                throw new ArgumentException($"--seeds: '{part}' is an empty range (write the smaller seed first)");
            }

            if (last - first >= Max || seeds.Count + (last - first + 1) > Max)
            {
                throw new ArgumentException($"--seeds: more than {Max} seeds");
            }

            for (var seed = first; seed <= last; seed++)
            {
                if (seeds.Contains(seed))
                {
                    throw new ArgumentException($"--seeds: seed {seed} is named twice");
                }

                seeds.Add(seed);
            }
        }

        return seeds;
    }

    /// <summary>The folder of <paramref name="seed"/>'s run under --out.</summary>
    public static string FolderName(long seed) => string.Create(CultureInfo.InvariantCulture, $"s{seed}");

    private static long Seed(string text, string part) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new ArgumentException($"--seeds: '{part}' is not a seed or a range of seeds (e.g. 0,1,2 or 0-4)");
}
