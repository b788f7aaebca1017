using System.Globalization;
using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Bench;

/// <summary>
/// A scored sample split by the operation on one edge: each group's mean supernet accuracy beside its mean ground
/// truth (does the supernet see what that edge's operation costs?) and τ within the group (does it rank the rest of
/// the cell?). Reads a run's <c>subnets.csv</c>, a <c>rescore</c> CSV or a <c>few-shot</c> CSV: any CSV with
/// <c>arch</c>, <c>supernet_accuracy</c> (or <c>accuracy</c>) and <c>ground_truth</c> columns, such as a <c>standalone</c> CSV.
/// </summary>
internal static class EdgeGroups
{
    /// <summary>One line per argument; an argument may join the parts of one sample with commas (<c>part0.csv,part1.csv</c>).</summary>
    public static void Run(int edge, IEnumerable<string> csvs)
    {
        foreach (var csv in csvs)
        {
            Console.WriteLine($"{csv}: {Summary([.. csv.Split(',').SelectMany(Read)], edge)}");
        }
    }

    /// <summary>The scored cells of <paramref name="path"/>; an error naming the file and the missing column or the malformed line otherwise.</summary>
    public static IReadOnlyList<ScoredCell> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines.Length > 0 ? lines[0].Split(',') : [];
        int Column(params string[] names)
        {
            var index = names.Select(n => Array.IndexOf(header, n)).FirstOrDefault(i => i >= 0, -1);
            return index >= 0 ? index : throw new InvalidDataException($"{path}: no {string.Join(" or ", names)} column in its header '{string.Join(',', header)}'");
        }

        var (arch, accuracy, truth) = (Column("arch"), Column("supernet_accuracy", "accuracy"), Column("ground_truth"));
        ScoredCell Cell(string line)
        {
            var f = line.Split(',');
            return f.Length == header.Length
                && double.TryParse(f[accuracy], NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
                && double.TryParse(f[truth], NumberStyles.Float, CultureInfo.InvariantCulture, out var t)
                ? new ScoredCell(Nb201Genotype.Parse(f[arch]), a, t)
                : throw new InvalidDataException($"{path}: '{line}' is not a line of '{string.Join(',', header)}'");
        }

        return [.. lines.Skip(1).Select(Cell)];
    }

    /// <summary>τ over all cells, then per operation on <paramref name="edge"/>: mean accuracy / mean truth and τ within (<c>n</c> cells).</summary>
    public static string Summary(IReadOnlyList<ScoredCell> cells, int edge)
    {
        var groups = cells.GroupBy(c => c[edge]).OrderBy(g => g.Key).Select(g => string.Create(CultureInfo.InvariantCulture,
            $"{Nb201Ops.Name(g.Key)} {g.Average(c => c.Accuracy):F2}/{g.Average(c => c.GroundTruth):F2} τ {Within(g)} (n={g.Count()})"));
        return $"τ {TableFormat.Tau(Tau(cells))}; edge {edge}: {string.Join("; ", groups)}";
    }

    // A group of one has no pairs to rank.
    private static string Within(IGrouping<Nb201Op, ScoredCell> group) => group.Count() >= 2 ? TableFormat.Tau(Tau([.. group])) : "-";

    private static double Tau(IReadOnlyList<ScoredCell> cells) =>
        KendallTau.Compute([.. cells.Select(c => c.Accuracy)], [.. cells.Select(c => c.GroundTruth)]);
}

/// <summary>A subnet's supernet accuracy beside its ground truth.</summary>
internal sealed record ScoredCell(Nb201Genotype Genotype, double Accuracy, double GroundTruth)
{
    /// <summary>The operation on <paramref name="edge"/>.</summary>
    public Nb201Op this[int edge] => Genotype[edge];
}
