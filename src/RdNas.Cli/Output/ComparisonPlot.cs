using RdNas.Nas.Runs;
using ScottPlot;

namespace RdNas.Cli.Output;

/// <summary>
/// The picture of <c>rdnas compare</c>: Kendall τ against epoch for every run (its history), training loss against
/// epoch for every run that recorded its curve, and supernet accuracy against ground truth for the run with the best
/// final τ.
/// </summary>
internal static class ComparisonPlot
{
    private const int MaxRunLegends = 8;

    public static void Save(IReadOnlyList<RunRecord> runs, string path)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(3);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();

        EpochCurves(multiplot.GetPlot(0), runs, r => [.. r.History.Select(h => (h.Epoch, h.KendallTau))], "Kendall τ during training", "Kendall τ vs ground truth", Alignment.LowerRight);
        EpochCurves(multiplot.GetPlot(1), runs, r => [.. r.TrainingCurve.Select(e => (e.Epoch, e.Loss))], "Training loss", "mean training loss of the epoch", Alignment.UpperRight);

        var best = runs.MaxBy(r => r.Ranking.KendallTau)!;
        var scatter = multiplot.GetPlot(2);
        var points = scatter.Add.ScatterPoints(best.Subnets.Select(s => s.GroundTruth).ToArray(), best.Subnets.Select(s => s.SupernetAccuracy).ToArray());
        points.MarkerSize = 4;
        scatter.Title(FormattableString.Invariant($"best run: {best.Label}, τ {best.Ranking.KendallTau:F3}"));
        scatter.XLabel("ground-truth accuracy (%)");
        scatter.YLabel("supernet accuracy (%)");

        multiplot.SavePng(path, 2100, 600);
    }

    // One line per run that has points (older result files lack a history or a training curve). Up to
    // MaxRunLegends lines each get a colour and a legend entry; more (a head-to-head over many seeds) share one colour
    // and one entry per configuration, so the legend stays short enough to leave the lines visible.
    private static void EpochCurves(Plot plot, IReadOnlyList<RunRecord> runs, Func<RunRecord, (int Epoch, double Value)[]> points, string title, string yLabel, Alignment legend)
    {
        var lines = runs.Select(run => (Run: run, Points: points(run))).Where(line => line.Points.Length > 0).ToList();
        Func<RunRecord, string> group = lines.Count > MaxRunLegends ? run => run.Configuration : run => run.Label;
        var palette = new ScottPlot.Palettes.Category20();
        foreach (var (members, index) in lines.GroupBy(line => group(line.Run)).Select((members, index) => (members, index)))
        {
            var count = members.Count();
            var legendText = count > 1 ? $"{members.Key} ({count} runs)" : members.Key;
            foreach (var (_, line) in members)
            {
                var scatter = plot.Add.Scatter(line.Select(p => (double)p.Epoch).ToArray(), line.Select(p => p.Value).ToArray());
                scatter.Color = palette.GetColor(index);
                scatter.LegendText = legendText;
                legendText = string.Empty; // one legend entry per group: an empty text has none
            }
        }

        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel(yLabel);
        plot.ShowLegend(legend);
    }
}
