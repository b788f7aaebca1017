namespace RdNas.Nas.Evaluation.Metrics;

/// <summary>
/// Precision at the top k %: the share of the true top ⌈k·n⌉ architectures that the prediction also puts in its top
/// ⌈k·n⌉. Equal scores are ordered by position, so the result is deterministic.
/// </summary>
public static class PrecisionAtTopK
{
    /// <summary>Precision at the top <paramref name="fraction"/> (0.1 for 10 %).</summary>
    public static double Compute(IReadOnlyList<double> predicted, IReadOnlyList<double> truth, double fraction)
    {
        MetricGuards.RequirePaired(predicted, truth);
        if (fraction is <= 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "the top fraction must be in (0, 1]");
        }

        var k = (int)Math.Ceiling(fraction * truth.Count);
        var predictedTop = Top(predicted, k);
        return Top(truth, k).Count(predictedTop.Contains) / (double)k;
    }

    private static HashSet<int> Top(IReadOnlyList<double> values, int k) =>
        [.. Enumerable.Range(0, values.Count).OrderByDescending(i => values[i]).ThenBy(i => i).Take(k)];
}
