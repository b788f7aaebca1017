using System.Globalization;
using RdNas.Nas.Evaluation;
using RdNas.Nas.Runs;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Bench;

/// <summary>
/// Which operations the supernets of finished runs misjudge (<see cref="OperationBias"/>), as the markdown rows of
/// bench/RESULTS.md; <c>rdnas compare --op-bias</c> shows the same as a table.
/// </summary>
internal static class OperationBiasTable
{
    public static void Run(IEnumerable<string> runDirectories)
    {
        Console.WriteLine("| run | op | r(count, supernet acc.) | r(count, ground truth) | r(count, rank error) |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var run in runDirectories.Select(RunRecord.Read))
        {
            foreach (var bias in run.OperationBias())
            {
                Console.WriteLine($"| {Path.GetFileName(run.Directory)} | {Nb201Ops.Name(bias.Op)} | {Signed(bias.SupernetCorrelation)} | {Signed(bias.GroundTruthCorrelation)} | {Signed(bias.RankErrorCorrelation)} |");
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
