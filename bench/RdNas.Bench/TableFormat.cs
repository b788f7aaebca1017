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
}
