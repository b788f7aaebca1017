using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.Runs;
using RdNas.Nas.Training.Methods;

namespace RdNas.Bench.Tests;

/// <summary>Finished runs built in memory: six cells of the 4-op space, their ground truth 1…6 in list order.</summary>
internal static class SyntheticRuns
{
    public static IReadOnlyList<string> Archs { get; } =
    [
        "|avg_pool_3x3~0|+|avg_pool_3x3~0|avg_pool_3x3~1|+|avg_pool_3x3~0|avg_pool_3x3~1|avg_pool_3x3~2|",
        "|skip_connect~0|+|avg_pool_3x3~0|avg_pool_3x3~1|+|avg_pool_3x3~0|avg_pool_3x3~1|avg_pool_3x3~2|",
        "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|",
        "|nor_conv_1x1~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|",
        "|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|",
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|",
    ];

    /// <summary>A run whose supernet scored cell i at <paramref name="accuracies"/>[i], listed in <paramref name="order"/> (default: as given).</summary>
    public static RunRecord Run(string name, double[] accuracies, int[]? order = null)
    {
        var subnets = (order ?? [.. Enumerable.Range(0, Archs.Count)])
            .Select(i => new RecordedSubnet(Archs[i], accuracies[i], GroundTruth: i + 1))
            .ToList();
        var ranking = RankingReport.Compute([.. subnets.Select(s => s.SupernetAccuracy)], [.. subnets.Select(s => s.GroundTruth)]);
        return new RunRecord(
            Path.Combine("runs", name), new TrainingMethodSpec(), "medium", Seed: 0, "6 subnets", OpCount: 4, Seconds: 1, ranking,
            History: [], subnets, AverageWeightsAfter: null, TrainingCurve: [], new TrainingBudget(75, 64, 10_000));
    }
}
