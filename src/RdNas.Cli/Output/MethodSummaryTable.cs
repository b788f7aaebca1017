using System.Globalization;
using RdNas.Nas.Runs;
using Spectre.Console;

namespace RdNas.Cli.Output;

/// <summary>
/// <c>rdnas compare</c>'s second table: each training configuration over its seeds, against the baseline on paired
/// seeds (ratio of mean τ; mean difference with its 95 % interval and paired t-test) and its teacher (its own τ, and
/// how closely the students follow it).
/// </summary>
internal static class MethodSummaryTable
{
    public static Table Create(IReadOnlyList<MethodSummary> methods, string baselineMethod)
    {
        var table = new Table().AddColumns(
            "preset", "training", "method", "seeds", "τ mean ± sd", "ρ mean", Markup.Escape($"τ / {baselineMethod} (paired seeds)"),
            Markup.Escape($"τ − {baselineMethod} [95% CI], p"), "teacher τ", "τ(student, teacher)", "evaluation");
        foreach (var method in methods)
        {
            table.AddRow(
                Markup.Escape(method.Preset), Markup.Escape(method.Budget.ToString()), Markup.Escape(method.Method), string.Join(",", method.Seeds),
                double.IsNaN(method.TauStandardDeviation) ? Invariant($"{method.MeanTau:F3}") : Invariant($"{method.MeanTau:F3} ± {method.TauStandardDeviation:F3}"),
                Invariant($"{method.MeanRho:F3}"),
                method.Baseline is { } b ? Invariant($"{b.Ratio:F3} ({string.Join(",", b.PairedSeeds)})") : "—",
                method.Baseline?.Difference is { } d ? Markup.Escape(Invariant($"{d.Mean:+0.000;-0.000} [{d.Low:F3}, {d.High:F3}], p {d.PValue:F3}")) : "—",
                method.TeacherTau is { } t ? Invariant($"{t:F3}") : "—",
                method.StudentTeacherTau is { } st ? Invariant($"{st:F3}") : "—",
                Markup.Escape(method.Evaluation));
        }

        return table;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
