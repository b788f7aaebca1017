using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.Runs;

namespace RdNas.Bench;

/// <summary>
/// Whether a supernet's ranking error is noise of its trajectory or a bias every trajectory shares: over finished runs
/// of one configuration scored on the same subnets, Kendall τ between each pair of runs' supernet accuracies, and τ
/// against the ground truth of the ensembles that average the accuracies of two runs and of all of them. If the
/// trajectories disagree with each other as much as with the ground truth, averaging them helps; if they agree with
/// each other far better, their error is shared and no ensemble of them removes it. Runs of several configurations
/// (another implementation of the same method, say) are also compared configuration by configuration: if runs of two
/// implementations agree with each other as well as runs of one do, the shared error belongs to the method and budget.
/// </summary>
internal static class TrajectoryAgreement
{
    public static void Run(IEnumerable<string> runDirectories)
    {
        var runs = runDirectories.Select(RunRecord.Read).ToList();
        var agreement = Measure(runs);
        Console.WriteLine($"{runs.Count} runs on {agreement.Subnets} subnets ({string.Join(", ", runs.Select(r => Path.GetFileName(r.Directory)))})");
        Console.WriteLine($"| measure | mean ± sd |");
        Console.WriteLine("|---|---|");
        Console.WriteLine($"| τ(run, ground truth) | {TableFormat.MeanAndSpread(agreement.WithTruth)} |");
        Console.WriteLine($"| τ(run, another run) | {TableFormat.MeanAndSpread(agreement.BetweenRuns)} |");
        if (agreement.BetweenConfigurations.Count > 1)
        {
            foreach (var (configurations, taus) in agreement.BetweenConfigurations)
            {
                Console.WriteLine($"| τ(run, another run): {configurations} ({taus.Count} pairs) | {TableFormat.MeanAndSpread(taus)} |");
            }
        }

        Console.WriteLine($"| τ(mean of two runs, ground truth) | {TableFormat.MeanAndSpread(agreement.PairEnsembles)} |");
        Console.WriteLine($"| τ(mean of all {runs.Count} runs, ground truth) | {TableFormat.Tau(agreement.AllEnsemble)} |");
    }

    /// <summary>The agreements of <paramref name="runs"/>, which must have scored the same subnets.</summary>
    public static Agreement Measure(IReadOnlyList<RunRecord> runs)
    {
        if (runs.Count < 2)
        {
            throw new ArgumentException("trajectories needs at least two run folders");
        }

        var archs = runs[0].Subnets.Select(s => s.Arch).Order(StringComparer.Ordinal).ToArray();
        var truth = Aligned(runs[0], archs, s => s.GroundTruth);
        var accuracies = runs.Select(run => Aligned(run, archs, s => s.SupernetAccuracy)).ToList();

        var between = new List<double>();
        var pairEnsembles = new List<double>();
        var byConfigurations = new SortedDictionary<string, List<double>>(StringComparer.Ordinal);
        for (var i = 0; i < runs.Count; i++)
        {
            for (var j = i + 1; j < runs.Count; j++)
            {
                var tau = KendallTau.Compute(accuracies[i], accuracies[j]);
                between.Add(tau);
                pairEnsembles.Add(KendallTau.Compute(Mean([accuracies[i], accuracies[j]]), truth));
                string[] configurations = [.. new[] { runs[i].Configuration, runs[j].Configuration }.Order(StringComparer.Ordinal)];
                var key = $"{configurations[0]} × {configurations[1]}";
                if (!byConfigurations.TryGetValue(key, out var taus))
                {
                    byConfigurations[key] = taus = [];
                }

                taus.Add(tau);
            }
        }

        return new Agreement(
            archs.Length,
            [.. accuracies.Select(a => KendallTau.Compute(a, truth))],
            between,
            pairEnsembles,
            KendallTau.Compute(Mean(accuracies), truth),
            byConfigurations.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value));
    }

    /// <summary>The run's values in the order of <paramref name="archs"/>; an error when the run scored other subnets.</summary>
    private static double[] Aligned(RunRecord run, string[] archs, Func<RecordedSubnet, double> value)
    {
        var byArch = run.Subnets.ToDictionary(s => s.Arch, StringComparer.Ordinal);
        if (byArch.Count != archs.Length || archs.Any(a => !byArch.ContainsKey(a)))
        {
            throw new InvalidDataException($"{run.Directory}: scored other subnets than the first run (evaluation {run.Evaluation})");
        }

        return [.. archs.Select(a => value(byArch[a]))];
    }

    private static double[] Mean(List<double[]> columns) =>
        [.. Enumerable.Range(0, columns[0].Length).Select(i => columns.Average(c => c[i]))];

    /// <summary>What <see cref="Measure"/> finds.</summary>
    /// <param name="Subnets">Subnets every run scored.</param>
    /// <param name="WithTruth">τ of each run against the ground truth, in run order.</param>
    /// <param name="BetweenRuns">τ between each pair of runs (1-2, 1-3, …, 2-3, …).</param>
    /// <param name="PairEnsembles">τ against the ground truth of each pair's mean accuracies, in the same order.</param>
    /// <param name="AllEnsemble">τ against the ground truth of all runs' mean accuracies.</param>
    /// <param name="BetweenConfigurations">
    /// <paramref name="BetweenRuns"/> by the configurations of the pair ("spos × spos (pytorch)", names in ordinal order),
    /// each list in pair order.
    /// </param>
    public sealed record Agreement(
        int Subnets, IReadOnlyList<double> WithTruth, IReadOnlyList<double> BetweenRuns, IReadOnlyList<double> PairEnsembles, double AllEnsemble,
        IReadOnlyDictionary<string, IReadOnlyList<double>> BetweenConfigurations);
}
