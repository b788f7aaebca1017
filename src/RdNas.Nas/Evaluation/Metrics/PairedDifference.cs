using MathNet.Numerics.Distributions;

namespace RdNas.Nas.Evaluation.Metrics;

/// <summary>
/// The mean of paired differences a − b (one pair per training seed) with its 95 % confidence interval and the
/// two-sided p-value of the paired t-test against no difference: whether a method's gain over its baseline on the same
/// seeds is larger than the seed-to-seed noise (at CPU budgets τ moves by ~0.1 with the seed alone).
/// </summary>
public sealed record PairedDifference(double Mean, double Low, double High, double PValue)
{
    private const double NoSpread = 1e-12;

    /// <summary>The paired difference of <paramref name="a"/> and <paramref name="b"/>; null for fewer than two pairs or pairs that all differ alike (no spread, no test).</summary>
    public static PairedDifference? Compute(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"paired samples differ in length ({a.Count} and {b.Count})", nameof(b));
        }

        var differences = a.Zip(b, (x, y) => x - y).ToArray();
        var spread = SampleStandardDeviation.Compute(differences);
        // Differences equal but for rounding (0.5 − 0.4 and 0.4 − 0.3) have a spread of ~1e-17, which is none.
        if (differences.Length < 2 || !(spread > NoSpread))
        {
            return null;
        }

        var mean = differences.Average();
        var standardError = spread / Math.Sqrt(differences.Length);
        var degrees = differences.Length - 1;
        var critical = StudentT.InvCDF(0, 1, degrees, 0.975);
        var t = mean / standardError;
        var p = 2 * (1 - StudentT.CDF(0, 1, degrees, Math.Abs(t)));
        return new PairedDifference(mean, mean - critical * standardError, mean + critical * standardError, p);
    }
}
