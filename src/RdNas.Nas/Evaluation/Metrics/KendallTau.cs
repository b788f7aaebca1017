namespace RdNas.Nas.Evaluation.Metrics;

/// <summary>
/// Kendall's τ-b: (concordant − discordant) / √((n₀ − t_x)(n₀ − t_y)), which corrects for ties in either ranking
/// (scipy.stats.kendalltau's default). NaN when one side is constant.
/// </summary>
public static class KendallTau
{
    /// <summary>τ-b between <paramref name="x"/> and <paramref name="y"/>.</summary>
    public static double Compute(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        MetricGuards.RequirePaired(x, y);
        long concordant = 0, discordant = 0, tiedX = 0, tiedY = 0, pairs = 0;
        for (var i = 0; i < x.Count; i++)
        {
            for (var j = i + 1; j < x.Count; j++)
            {
                var dx = Math.Sign(x[i] - x[j]);
                var dy = Math.Sign(y[i] - y[j]);
                pairs++;
                tiedX += dx == 0 ? 1 : 0;
                tiedY += dy == 0 ? 1 : 0;
                var product = dx * dy;
                concordant += product > 0 ? 1 : 0;
                discordant += product < 0 ? 1 : 0;
            }
        }

        return (concordant - discordant) / Math.Sqrt((double)(pairs - tiedX) * (pairs - tiedY));
    }
}
