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

    // One line per run that has points (older result files lack a history or a training curve).
    private static void EpochCurves(Plot plot, IReadOnlyList<RunRecord> runs, Func<RunRecord, (int Epoch, double Value)[]> points, string title, string yLabel, Alignment legend)
    {
        foreach (var run in runs)
        {
            var line = points(run);
            if (line.Length > 0)
            {
                plot.Add.Scatter(line.Select(p => (double)p.Epoch).ToArray(), line.Select(p => p.Value).ToArray()).LegendText = run.Label;
            }
        }

        plot.Title(title);
        plot.XLabel("epoch");
        plot.YLabel(yLabel);
        plot.ShowLegend(legend);
    }
}
