using System.Globalization;
using RdNas.Nas.Evaluation;
using RdNas.Nas.SearchSpaces.Nb201;
using Spectre.Console;

namespace RdNas.Cli.Output;

/// <summary><c>rdnas compare --op-bias</c>'s table: for each run and operation, how its count in a cell relates to the supernet's accuracy, the ground truth and the rank error.</summary>
internal static class OperationBiasTable
{
    public static Table Create(IEnumerable<(string Run, IReadOnlyList<OperationBias> Biases)> runs)
    {
        var table = new Table().AddColumns("run", "op", "r(count, supernet)", "r(count, ground truth)", "r(count, rank error)");
        foreach (var (run, biases) in runs)
        {
            foreach (var bias in biases)
            {
                table.AddRow(Markup.Escape(run), Nb201Ops.Name(bias.Op), Signed(bias.SupernetCorrelation), Signed(bias.GroundTruthCorrelation), Signed(bias.RankErrorCorrelation));
            }
        }

        return table;
    }

    // A constant side (every subnet scored alike) has no correlation: shown as a dash, not NaN.
    private static string Signed(double r) => double.IsNaN(r) ? "—" : r.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);
}
