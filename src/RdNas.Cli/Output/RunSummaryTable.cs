using System.Globalization;
using RdNas.Nas.Runs;
using Spectre.Console;

namespace RdNas.Cli.Output;

/// <summary>The table printed at the end of <c>rdnas train</c> and <c>rdnas evaluate</c>.</summary>
internal static class RunSummaryTable
{
    /// <summary>The run's ranking and timing, with a row saying where it came from (an experiment, a run rescored).</summary>
    public static Table Create(RunRecord run, (string Name, string Value) origin)
    {
        ArgumentNullException.ThrowIfNull(run);
        var table = new Table().AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        foreach (var (metric, value) in RankingRows.Of(run.Ranking.KendallTau, run.Ranking.SpearmanRho, run.Ranking.PearsonR, run.Ranking.Cpr, run.Ranking.PrecisionAtTop10))
        {
            Row(metric, value);
        }

        Row("subnets", run.Subnets.Count.ToString(CultureInfo.InvariantCulture));
        Row("train + eval seconds", F(run.Seconds, "F0"));
        Row(origin.Name, origin.Value);
        Row("results", run.Directory);
        table.Title = new TableTitle(Markup.Escape($"nb201 {run.Configuration} preset={run.Preset} seed={run.Seed} epochs={run.Epochs}"));
        return table;
    }
}
