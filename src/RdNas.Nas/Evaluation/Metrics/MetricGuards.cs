namespace RdNas.Nas.Evaluation.Metrics;

/// <summary>Input checks shared by the ranking metrics.</summary>
internal static class MetricGuards
{
    public static void RequirePaired(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"paired samples differ in length: {x.Count} and {y.Count}", nameof(y));
        }

        if (x.Count < 2)
        {
            throw new ArgumentException($"a ranking metric needs at least 2 pairs, got {x.Count}", nameof(x));
        }

        for (var i = 0; i < x.Count; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
            {
                throw new ArgumentException($"pair {i} is not finite ({x[i]}, {y[i]})", nameof(x));
            }
        }
    }
}
