using System.Globalization;
using RdNas.Nas.Data;
using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.SearchSpaces.ResNet48;

namespace RdNas.Cli.Output;

/// <summary>
/// How score columns rank the Track 1 architectures that have stand-alone accuracies. The official ground truth was
/// never published; one team's stand-alone accuracies of arch1..arch30 are the only check there is, and 30
/// architectures rank with a standard error of about ±0.13 in τ.
/// </summary>
internal static class StandaloneCheck
{
    private const int FewestArchitectures = 3;

    /// <summary>One line per column over the scored architectures with a stand-alone accuracy (when there are at least three).</summary>
    public static void Print(CliConsole console, DataDirectory data, IReadOnlyList<string> columns, IReadOnlyDictionary<ResNet48Genotype, double[]> scores)
    {
        if (!File.Exists(data.PathOf(Track1Architectures.StandalonePath)))
        {
            console.Line($"no {Track1Architectures.StandalonePath} in the data folder: skipped the stand-alone check");
            return;
        }

        var standalone = Track1Architectures.LoadStandalone(data).Where(s => scores.ContainsKey(s.Genotype)).ToList();
        if (standalone.Count < FewestArchitectures)
        {
            console.Line($"{standalone.Count} of the scored architectures have stand-alone accuracies: too few for the stand-alone check (--archs standalone scores all 30)");
            return;
        }

        var accuracy = standalone.Select(s => s.Accuracy).ToArray();
        for (var j = 0; j < columns.Count; j++)
        {
            var values = standalone.Select(s => scores[s.Genotype][j]).ToArray();
            console.Line(string.Create(CultureInfo.InvariantCulture,
                $"{columns[j]} against one team's stand-alone top-1 of {standalone.Count} architectures (not official): Kendall τ {KendallTau.Compute(values, accuracy):F3}, Spearman ρ {SpearmanRho.Compute(values, accuracy):F3}"));
        }
    }
}
