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
    /// <summary>
    /// Scores the sample of <paramref name="sample"/> with <paramref name="proxy"/> (an ensemble ranks within the sample)
    /// on <paramref name="workers"/> threads and compares with the ground-truth column <paramref name="column"/>.
    /// </summary>
    public static RankingReport Rank(ProxyColumn proxy, ProxyScorer scorer, Nb201GroundTruth groundTruth, EvaluationOptions sample, int workers, string column = "cifar10_valid")
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        var cells = Nb201TrainingRun.EvaluationSample(sample);
        var table = ProxyTable.Score(scorer, [proxy], cells, workers);
        double[] truth = [.. cells.Select(c => groundTruth.Lookup(c, column))];
        return RankingReport.Compute(table.Column(0), truth);
    }
}
