using RdNas.Nas.Evaluation.Metrics;

namespace RdNas.Nas.Runs;

/// <summary>
/// Groups finished runs into training configurations and summarises each over its seeds (mean and spread of τ), with
/// its ratio to the baseline method's configuration of the same preset, training budget and evaluation, on paired seeds: the
/// numbers the RD-NAS head-to-head is judged by.
/// </summary>
public static class MethodComparison
{
    /// <summary>
    /// One summary per configuration among <paramref name="runs"/>, in order of first appearance. A seed run twice
    /// counts once, with the mean of its runs. <paramref name="baselineMethod"/> is a configuration
    /// (<see cref="RunRecord.Configuration"/>: <c>spos</c>, <c>rdnas flops/margin/sine</c>, <c>spos +swa after 50</c>, …);
    /// <paramref name="teacher"/> gives an RD-NAS run's teacher measured on its own
    /// subnets (null when unknown).
    /// </summary>
    public static IReadOnlyList<MethodSummary> Summarise(IReadOnlyList<RunRecord> runs, string baselineMethod, Func<RunRecord, TeacherFit?> teacher)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentException.ThrowIfNullOrWhiteSpace(baselineMethod);
        ArgumentNullException.ThrowIfNull(teacher);
        var groups = runs.GroupBy(r => (r.Preset, r.Budget, Method: r.Configuration, r.Evaluation)).ToList();
        var baselines = groups.Where(g => g.Key.Method == baselineMethod).ToDictionary(g => (g.Key.Preset, g.Key.Budget, g.Key.Evaluation), PerSeedTau);
        return [.. groups.Select(g => Summarise(g, g.Key.Method == baselineMethod ? null : baselines.GetValueOrDefault((g.Key.Preset, g.Key.Budget, g.Key.Evaluation)), baselineMethod, teacher))];
    }

    private static MethodSummary Summarise(
        IGrouping<(string Preset, TrainingBudget Budget, string Method, string Evaluation), RunRecord> group,
        SortedDictionary<long, double>? baseline,
        string baselineMethod,
        Func<RunRecord, TeacherFit?> teacher)
    {
        var tau = PerSeedTau(group);
        var rho = PerSeed(group, r => r.SpearmanRho);
        var fits = group.Select(teacher).OfType<TeacherFit>().ToList();
        return new MethodSummary(
            group.Key.Preset, group.Key.Budget, group.Key.Method, group.Key.Evaluation, [.. tau.Keys],
            tau.Values.Average(), SampleStandardDeviation.Compute([.. tau.Values]), rho.Values.Average(),
            fits.Count > 0 ? fits.Average(f => f.TeacherTau) : null,
            fits.Count > 0 ? fits.Average(f => f.StudentTau) : null,
            baseline is null ? null : Ratio(tau, baseline, baselineMethod));
    }

    private static SortedDictionary<long, double> PerSeedTau(IEnumerable<RunRecord> runs) => PerSeed(runs, r => r.KendallTau);

    // One value per seed: a seed run twice counts once, with the mean of its runs.
    private static SortedDictionary<long, double> PerSeed(IEnumerable<RunRecord> runs, Func<RankingReport, double> metric) =>
        new(runs.GroupBy(r => r.Seed).ToDictionary(s => s.Key, s => s.Average(r => metric(r.Ranking))));

    private static BaselineRatio? Ratio(SortedDictionary<long, double> tau, SortedDictionary<long, double> baseline, string baselineMethod)
    {
        var paired = tau.Keys.Where(baseline.ContainsKey).ToList();
        return paired.Count == 0
            ? null
            : new BaselineRatio(
                baselineMethod, paired, paired.Average(s => tau[s]) / paired.Average(s => baseline[s]),
                PairedDifference.Compute([.. paired.Select(s => tau[s])], [.. paired.Select(s => baseline[s])]));
    }
}
