using System.Globalization;
using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.Runs;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Bench;

/// <summary>
/// Which operations a supernet misjudges: for each finished run and each op of the 4-op space, the Pearson
/// correlation of the op's count in a cell with the supernet's accuracy, with the ground truth, and with the rank
/// error (rank by supernet − rank by ground truth; positive: cells with more of the op are ranked too high).
/// Prints markdown rows.
/// </summary>
internal static class OperationBias
{
    public static void Run(IEnumerable<string> runDirectories)
    {
        Console.WriteLine("| run | op | r(count, supernet acc.) | r(count, ground truth) | r(count, rank error) |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var run in runDirectories.Select(RunRecord.Read))
        {
            var supernet = run.Subnets.Select(s => s.SupernetAccuracy).ToArray();
            var truth = run.Subnets.Select(s => s.GroundTruth).ToArray();
            var supernetRanks = SpearmanRho.AverageRanks(supernet);
            var truthRanks = SpearmanRho.AverageRanks(truth);
            var rankError = supernetRanks.Zip(truthRanks, (a, b) => a - b).ToArray();
            var cells = run.Subnets.Select(s => Nb201Genotype.Parse(s.Arch).Ops()).ToList();
            foreach (var op in Nb201Ops.WithoutNone)
            {
                var counts = cells.Select(ops => (double)ops.Count(o => o == op)).ToArray();
                Console.WriteLine($"| {Path.GetFileName(run.Directory)} | {Nb201Ops.Name(op)} | {Signed(PearsonR.Compute(counts, supernet))} | {Signed(PearsonR.Compute(counts, truth))} | {Signed(PearsonR.Compute(counts, rankError))} |");
            }
        }
    }

    // Rounded first: a small negative value would otherwise print as "-+0.00".
    private static string Signed(double value)
    {
        var rounded = Math.Round(value, 2);
        return (rounded == 0 ? 0 : rounded).ToString("+0.00;-0.00", CultureInfo.InvariantCulture);
    }
}
