using RdNas.Nas.Randomness;

namespace RdNas.Nas.Evaluation.Metrics;

/// <summary>
/// A percentile-bootstrap confidence interval for Kendall τ: the evaluated subnets are resampled with replacement and
/// τ recomputed. Two hundred subnets leave τ uncertain by about ±0.05 from the draw alone, so a difference between
/// runs inside that band says nothing; the interval makes the band visible next to every τ.
/// </summary>
public static class KendallTauInterval
{
    /// <summary>How many resamples an interval uses unless told otherwise.</summary>
    public const int DefaultResamples = 1000;

    /// <summary>
    /// The central <paramref name="level"/> interval of τ-b over <paramref name="resamples"/> bootstrap resamples of
    /// the pairs (x[i], y[i]), drawn from <paramref name="seed"/>; resamples where one side is constant are left out.
    /// </summary>
    public static (double Low, double High) Compute(IReadOnlyList<double> x, IReadOnlyList<double> y, double level = 0.95, int resamples = DefaultResamples, long seed = 0)
    {
        MetricGuards.RequirePaired(x, y);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(level, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, 1.0);
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 10);
        var generator = new SeededGenerator(seed, RandomStreams.Bootstrap);
        var n = x.Count;
        var (sampleX, sampleY) = (new double[n], new double[n]);
        var taus = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < n; i++)
            {
                var pick = generator.NextInt(n);
                sampleX[i] = x[pick];
                sampleY[i] = y[pick];
            }

            var tau = KendallTau.Compute(sampleX, sampleY);
            if (!double.IsNaN(tau))
            {
                taus.Add(tau);
            }
        }

        if (taus.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        taus.Sort();
        var tail = (1 - level) / 2;
        return (taus[(int)Math.Floor(tail * (taus.Count - 1))], taus[(int)Math.Ceiling((1 - tail) * (taus.Count - 1))]);
    }
}
