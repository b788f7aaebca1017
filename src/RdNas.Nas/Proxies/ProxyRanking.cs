using RdNas.Nas.Evaluation;
using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Runs;

namespace RdNas.Nas.Proxies;

/// <summary>
/// How well a proxy ranks the seeded subnet sample that supernet evaluation uses, against an NB201 ground-truth column.
/// </summary>
public static class ProxyRanking
{
    /// <summary>Scores the sample of <paramref name="sample"/> and compares with <paramref name="column"/>.</summary>
    public static RankingReport Rank(IZeroCostProxy proxy, ProxyScorer scorer, Nb201GroundTruth groundTruth, EvaluationOptions sample, string column = "cifar10_valid")
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(groundTruth);
        var cells = Nb201TrainingRun.EvaluationSample(sample);
        double[] scores = [.. cells.Select(c => scorer.Score(proxy, c))];
        double[] truth = [.. cells.Select(c => groundTruth.Lookup(c, column))];
        return RankingReport.Compute(scores, truth);
    }
}
