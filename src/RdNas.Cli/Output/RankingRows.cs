using System.Globalization;

namespace RdNas.Cli.Output;

/// <summary>The ranking metrics as the CLI's tables name and print them (four decimals), one row each.</summary>
internal static class RankingRows
{
    public static IEnumerable<(string Metric, string Value)> Of(double kendallTau, double spearmanRho, double pearsonR, double concordantPairs, double precisionAtTop10)
    {
        static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
        yield return ("Kendall τ", F(kendallTau));
        yield return ("Spearman ρ", F(spearmanRho));
        yield return ("Pearson r", F(pearsonR));
        yield return ("concordant pairs", F(concordantPairs));
        yield return ("precision@top-10%", F(precisionAtTop10));
    }
}
