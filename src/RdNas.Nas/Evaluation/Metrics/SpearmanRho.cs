namespace RdNas.Nas.Evaluation.Metrics;

/// <summary>Spearman's ρ: Pearson's r of the ranks, tied values sharing their average rank.</summary>
public static class SpearmanRho
{
    /// <summary>ρ between <paramref name="x"/> and <paramref name="y"/>.</summary>
    public static double Compute(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        MetricGuards.RequirePaired(x, y);
        return PearsonR.Compute(AverageRanks(x), AverageRanks(y));
    }

    /// <summary>1-based ranks in ascending order; a run of equal values gets the mean of its ranks.</summary>
    public static double[] AverageRanks(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end + 1;
        }

        return ranks;
    }
}
