namespace RdNas.Nas.Evaluation.Metrics;

/// <summary>Pearson's linear correlation coefficient r. NaN when one side is constant.</summary>
public static class PearsonR
{
    /// <summary>r between <paramref name="x"/> and <paramref name="y"/>.</summary>
    public static double Compute(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        MetricGuards.RequirePaired(x, y);
        var meanX = x.Average();
        var meanY = y.Average();
        double covariance = 0, varianceX = 0, varianceY = 0;
        for (var i = 0; i < x.Count; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            covariance += dx * dy;
            varianceX += dx * dx;
            varianceY += dy * dy;
        }

        return covariance / Math.Sqrt(varianceX * varianceY);
    }
}
