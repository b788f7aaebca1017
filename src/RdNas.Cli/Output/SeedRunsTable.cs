using System.Globalization;
using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.Runs;
using Spectre.Console;

namespace RdNas.Cli.Output;

/// <summary>The table <c>rdnas train --seeds</c> ends with: each seed's ranking, then the mean ± sd over the seeds.</summary>
internal static class SeedRunsTable
{
    public static Table Create(IReadOnlyList<RunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var table = new Table().AddColumns("seed", "τ", "ρ", "r", "CPR", "P@10%", "minutes", "run folder");
        foreach (var run in runs)
        {
            table.AddRow(
                run.Seed.ToString(CultureInfo.InvariantCulture), F(run.Ranking.KendallTau), F(run.Ranking.SpearmanRho), F(run.Ranking.PearsonR),
                F(run.Ranking.Cpr), F(run.Ranking.PrecisionAtTop10), (run.Seconds / 60).ToString("F1", CultureInfo.InvariantCulture), Markup.Escape(run.Directory));
        }

        if (runs.Count > 1)
        {
            table.AddRow(
                "mean ± sd", Spread(runs, r => r.Ranking.KendallTau), Spread(runs, r => r.Ranking.SpearmanRho), Spread(runs, r => r.Ranking.PearsonR),
                Spread(runs, r => r.Ranking.Cpr), Spread(runs, r => r.Ranking.PrecisionAtTop10), "", "");
        }

        if (runs.Count > 0)
        {
            table.Title = new TableTitle(Markup.Escape($"nb201 {runs[0].Configuration} preset={runs[0].Preset} epochs={runs[0].Epochs}"));
        }

        return table;
    }

    private static string Spread(IReadOnlyList<RunRecord> runs, Func<RunRecord, double> metric)
    {
        var values = runs.Select(metric).ToArray();
        return $"{F(values.Average())} ± {F(SampleStandardDeviation.Compute(values))}";
    }

    private static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);
}
