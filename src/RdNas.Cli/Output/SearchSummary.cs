using System.Globalization;
using RdNas.Nas.Search;

namespace RdNas.Cli.Output;

/// <summary>The text summary of a finished search (<c>rdnas search</c>, and <c>rdnas train --search</c> after its run).</summary>
internal static class SearchSummary
{
    public static void Print(CliConsole console, SearchResult result, string output)
    {
        string Accuracies(FoundCell cell) => string.Create(CultureInfo.InvariantCulture,
            $"{result.SelectionColumn} {cell.Selection:F2}{(cell.Test is { } t ? $", {result.TestColumn} {t:F2}" : "")}");
        console.Line($"{result.Strategy} search, {result.Evaluations} cells scored by {result.Scorer}");
        console.Line(string.Create(CultureInfo.InvariantCulture, $"found:          {result.Best.Arch} (score {result.Best.Score:G6}): {Accuracies(result.Best)}"));
        console.Line(string.Create(CultureInfo.InvariantCulture,
            $"rank in space:  {result.SelectionRank} of {result.SpaceSize} by {result.SelectionColumn} (top {100.0 * result.SelectionRank / result.SpaceSize:F2} %)"));
        console.Line($"space's best:   {result.SpaceBest.Arch}: {Accuracies(result.SpaceBest)}");
        if (result.TestRegret is { } regret)
        {
            console.Line(string.Create(CultureInfo.InvariantCulture, $"test regret:    {regret:F2} points"));
        }

        if (result.ScoredRanking is { } ranking)
        {
            console.Line(string.Create(CultureInfo.InvariantCulture,
                $"scores vs {result.SelectionColumn} over the scored cells: Kendall τ {ranking.KendallTau:F3}, Spearman ρ {ranking.SpearmanRho:F3}"));
        }

        console.Line($"→ {Path.Combine(output, SearchResultWriter.ResultFile)}, {Path.Combine(output, SearchResultWriter.TraceFile)}");
    }
}
