using RdNas.Nas.Runs;

namespace RdNas.Cli.Output;

/// <summary>
/// What <c>rdnas train --seeds</c> ends with: each run's ranking and the mean ± sd over its method's seeds, and with
/// several methods each against the first on paired seeds (ratio, difference with its 95 % interval, paired t-test),
/// as <c>rdnas compare</c> computes them; for scripts, the same as one JSON document.
/// </summary>
internal static class SeedRunsReport
{
    /// <summary>One run of the command: its method (sampler), seed, experiment, folder and whether it completed.</summary>
    public sealed record Entry(string Sampler, long Seed, string Experiment, string Directory, bool Completed);

    public static void Print(CliConsole console, IReadOnlyList<RunRecord> finished, IReadOnlyList<Entry> runs, bool json)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(runs);
        var samplers = runs.Select(r => r.Sampler).Distinct().ToList();
        var baseline = finished.FirstOrDefault(r => r.Sampler == samplers[0])?.Configuration;
        var methods = finished.Count > 0 ? MethodComparison.Summarise(finished, baseline ?? samplers[0], _ => null) : [];
        if (json)
        {
            var only = samplers.Count == 1 && methods.Count == 1 ? methods[0] : null;
            console.Json(new
            {
                runs = runs.Select(r => new
                {
                    sampler = r.Sampler, seed = r.Seed, experiment = r.Experiment, directory = r.Directory, completed = r.Completed,
                    ranking = finished.FirstOrDefault(f => f.Directory == r.Directory)?.Ranking,
                }),
                kendall_tau_mean = only?.MeanTau,
                kendall_tau_sd = only is null ? null : OrNull(only.TauStandardDeviation),
                methods = methods.Select(m => new
                {
                    method = m.Method, seeds = m.Seeds, kendall_tau_mean = m.MeanTau, kendall_tau_sd = OrNull(m.TauStandardDeviation),
                    baseline = m.Baseline is { } b
                        ? new { method = b.Method, paired_seeds = b.PairedSeeds, tau_ratio = b.Ratio, tau_difference = b.Difference?.Mean, paired_t_p = b.Difference?.PValue }
                        : null,
                }),
            });
            return;
        }

        foreach (var sampler in samplers)
        {
            var ofSampler = finished.Where(r => r.Sampler == sampler).ToList();
            if (ofSampler.Count > 0)
            {
                console.Ansi.Write(SeedRunsTable.Create(ofSampler));
            }
        }

        if (samplers.Count > 1 && methods.Count > 1)
        {
            console.Ansi.Write(MethodSummaryTable.Create(methods, baseline ?? samplers[0]));
        }

        var done = runs.Where(r => r.Completed).ToList();
        console.Line($"{done.Count} of {runs.Count} runs completed; rdnas compare {string.Join(' ', done.Select(r => r.Directory))} compares them with other runs");
    }

    private static double? OrNull(double value) => double.IsNaN(value) ? null : value;
}
