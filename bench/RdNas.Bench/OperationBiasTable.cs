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
                Console.WriteLine($"| {Path.GetFileName(run.Directory)} | {Nb201Ops.Name(bias.Op)} | {TableFormat.Signed(bias.SupernetCorrelation)} | {TableFormat.Signed(bias.GroundTruthCorrelation)} | {TableFormat.Signed(bias.RankErrorCorrelation)} |");
            }
        }
    }
}
