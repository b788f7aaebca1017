namespace RdNas.Nas.Evaluation.Metrics;

/// <summary>The sample standard deviation (n − 1 in the denominator), as results report spreads over seeds and draws.</summary>
public static class SampleStandardDeviation
{
    /// <summary>The spread of <paramref name="values"/>; NaN for fewer than two values, which have none.</summary>
    public static double Compute(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            return double.NaN;
        }

        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
