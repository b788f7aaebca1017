using System.Text.Json.Serialization;

namespace RdNas.Nas.Evaluation.Metrics;

/// <summary>How well a predicted ranking matches the ground truth, by every metric the project reports.</summary>
public sealed record RankingReport(
    [property: JsonPropertyName("kendall_tau")] double KendallTau,
    [property: JsonPropertyName("spearman_rho")] double SpearmanRho,
    [property: JsonPropertyName("pearson_r")] double PearsonR,
    [property: JsonPropertyName("cpr")] double Cpr,
    [property: JsonPropertyName("precision_at_top10")] double PrecisionAtTop10)
{
    /// <summary>All metrics of <paramref name="predicted"/> against <paramref name="truth"/>.</summary>
    public static RankingReport Compute(IReadOnlyList<double> predicted, IReadOnlyList<double> truth) => new(
        Metrics.KendallTau.Compute(predicted, truth),
        Metrics.SpearmanRho.Compute(predicted, truth),
        Metrics.PearsonR.Compute(predicted, truth),
        ConcordantPairRatio.Compute(predicted, truth),
        PrecisionAtTopK.Compute(predicted, truth, 0.1));
}
