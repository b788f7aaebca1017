namespace RdNas.Nas.Evaluation.Metrics;

/// <summary>
/// Concordant-pair ratio: among pairs whose ground truths differ, the share the prediction orders the same way. A
/// pair the prediction ties counts half, so a constant predictor scores 0.5 (chance), not 0.
/// </summary>
public static class ConcordantPairRatio
{
    /// <summary>CPR of <paramref name="predicted"/> against <paramref name="truth"/>, in [0, 1].</summary>
    public static double Compute(IReadOnlyList<double> predicted, IReadOnlyList<double> truth)
    {
        MetricGuards.RequirePaired(predicted, truth);
        double agreeing = 0;
        long ranked = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            for (var j = i + 1; j < truth.Count; j++)
            {
                var dt = Math.Sign(truth[i] - truth[j]);
                if (dt == 0)
                {
                    continue;
                }

                ranked++;
                var product = dt * Math.Sign(predicted[i] - predicted[j]);
                agreeing += product > 0 ? 1 : product == 0 ? 0.5 : 0;
            }
        }

        return ranked == 0 ? double.NaN : agreeing / ranked;
    }
}
