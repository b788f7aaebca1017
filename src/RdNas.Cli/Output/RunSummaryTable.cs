using System.Globalization;
using RdNas.Nas.Runs;
using Spectre.Console;

namespace RdNas.Cli.Output;

/// <summary>The table printed at the end of <c>rdnas train</c>.</summary>
internal static class RunSummaryTable
{
    public static Table Create(TrainingRunResult result, string outputDirectory)
    {
        var table = new Table().AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        Row("Kendall τ", F(result.Ranking.KendallTau, "F4"));
        Row("Spearman ρ", F(result.Ranking.SpearmanRho, "F4"));
        Row("Pearson r", F(result.Ranking.PearsonR, "F4"));
        Row("concordant pairs", F(result.Ranking.Cpr, "F4"));
        Row("precision@top-10%", F(result.Ranking.PrecisionAtTop10, "F4"));
        Row("subnets", result.Subnets.ToString(CultureInfo.InvariantCulture));
        Row("train / eval seconds", $"{F(result.TrainSeconds, "F0")} / {F(result.EvalSeconds, "F0")}");
        Row("results", outputDirectory);
        table.Title = new TableTitle(Markup.Escape($"{result.Space} {result.Sampler} preset={result.Preset} seed={result.Seed} epochs={result.Epochs}"));
        return table;
    }
}
