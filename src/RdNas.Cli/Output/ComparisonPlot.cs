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
    public static void Save(IReadOnlyList<RunRecord> runs, string path)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(3);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();

        var curves = multiplot.GetPlot(0);
        foreach (var run in runs.Where(r => r.History.Count > 0))
        {
            var line = curves.Add.Scatter(run.History.Select(h => (double)h.Epoch).ToArray(), run.History.Select(h => h.KendallTau).ToArray());
            line.LegendText = run.Label;
        }

        curves.Title("Kendall τ during training");
        curves.XLabel("epoch");
        curves.YLabel("Kendall τ vs ground truth");
        curves.ShowLegend(Alignment.LowerRight);

        var losses = multiplot.GetPlot(1);
        foreach (var run in runs.Where(r => r.TrainingCurve.Count > 0))
        {
            var line = losses.Add.Scatter(run.TrainingCurve.Select(e => (double)e.Epoch).ToArray(), run.TrainingCurve.Select(e => e.Loss).ToArray());
            line.LegendText = run.Label;
        }

        losses.Title("Training loss");
        losses.XLabel("epoch");
        losses.YLabel("mean training loss of the epoch");
        losses.ShowLegend(Alignment.UpperRight);

        var best = runs.MaxBy(r => r.Ranking.KendallTau)!;
        var scatter = multiplot.GetPlot(2);
        var points = scatter.Add.ScatterPoints(best.Subnets.Select(s => s.GroundTruth).ToArray(), best.Subnets.Select(s => s.SupernetAccuracy).ToArray());
        points.MarkerSize = 4;
        scatter.Title(FormattableString.Invariant($"best run: {best.Label}, τ {best.Ranking.KendallTau:F3}"));
        scatter.XLabel("ground-truth accuracy (%)");
        scatter.YLabel("supernet accuracy (%)");

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        multiplot.SavePng(path, 2100, 600);
    }
}
