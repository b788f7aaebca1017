using System.Globalization;
using RdNas.Nas.Data;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Search;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Bench;

/// <summary>
/// What a search finds when it maximises a column of the NB201 table: the benchmark's own <c>cifar10_valid</c> (a
/// perfect scorer: the best any scorer can do at the budget) or a published proxy column (<c>flops_c10</c>,
/// <c>nwot_c10</c>, …). Table lookups cost nothing, so many search seeds give medians a supernet search, which pays
/// seconds per cell, is then read against. One markdown row per column and strategy: median rank of the answer in
/// the 4-op space by <c>cifar10_valid</c>, its mean test accuracy and test regret, over the seeds.
/// </summary>
internal static class SearchWithTableColumns
{
    public static void Run(int budget, int seeds, IEnumerable<string> columns)
    {
        var space = new Nb201SearchSpace(4);
        var table = Nb201GroundTruth.Load(DataDirectory.Resolve(null));
        Console.WriteLine($"| scorer (budget {budget}, {seeds} seeds) | strategy | median rank of 4,096 | best / worst rank | mean cifar10_test | mean test regret |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var column in columns)
        {
            ArchitectureScore score = (genotype, _) => table.Lookup(genotype, column);
            foreach (var strategy in new Func<long, IArchitectureSearch>[] { s => new RegularizedEvolution(space, budget, s), s => new RandomSearch(space, budget, s) })
            {
                var reports = Enumerable.Range(0, seeds)
                    .Select(seed => SearchReport.Compute(strategy(seed).Run(score), space, table, "cifar10_valid", "cifar10_test"))
                    .ToList();
                var ranks = reports.Select(r => r.SelectionRank).Order().ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {column} | {strategy(0).Name} | {Median(ranks):F0} | {ranks[0]} / {ranks[^1]} | {reports.Average(r => r.Best.Test!.Value):F2} | {reports.Average(r => r.TestRegret!.Value):F2} |"));
            }
        }
    }

    private static double Median(List<int> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;
}
