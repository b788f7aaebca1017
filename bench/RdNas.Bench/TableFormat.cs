using System.Globalization;
using RdNas.Nas.Evaluation.Metrics;

namespace RdNas.Bench;

/// <summary>How the bench's markdown tables print rank correlations: three decimals, invariant culture.</summary>
internal static class TableFormat
{
    /// <summary>A τ or ρ as the tables print it (<c>0.559</c>).</summary>
    public static string Tau(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    /// <summary>
    /// The mean and sample standard deviation of <paramref name="values"/> (<c>0.336 ± 0.091</c>); one value alone,
    /// which has no spread.
    /// </summary>
    public static string MeanAndSpread(IReadOnlyList<double> values) =>
        values.Count == 1 ? Tau(values[0]) : $"{Tau(values.Average())} ± {Tau(SampleStandardDeviation.Compute(values))}";

    /// <summary>
    /// A correlation with its sign and two decimals (<c>+0.38</c>), rounded first: a small negative value would otherwise
    /// print as "-+0.00".
    /// </summary>
    public static string Signed(double value)
    {
        var rounded = Math.Round(value, 2);
        return (rounded == 0 ? 0 : rounded).ToString("+0.00;-0.00", CultureInfo.InvariantCulture);
    }
}
