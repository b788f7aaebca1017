using System.Globalization;
using RdNas.Nas.Data;
using RdNas.Nas.Evaluation;
using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Proxies;
using RdNas.Nas.Runs;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Bench;

/// <summary>
/// Reads a score table written by <c>rdnas proxies score</c> and prints, per proxy column: Spearman ρ against the
/// published NAS-Bench-Suite-Zero column (<c>NAME_c10</c>) over every scored cell with a published value; Kendall τ
/// against <c>cifar10_valid</c> on the evaluation's 200-subnet sample (sample seed 0) when all of it was scored; and
/// the mean τ over the 20 samples of seeds 0–19 when those were scored, with the published column's τ beside it.
/// Extra arguments <c>ensemble:a+b</c> add ensembles of scored columns, ranked within each sample.
/// </summary>
internal static class ProxyAgreement
{
    private const int Draws = 20;

    public static void Run(string scoresPath, IEnumerable<string> ensembles)
    {
        var groundTruth = Nb201GroundTruth.Load(DataDirectory.Resolve(null));
        var (cells, scores) = ProxyScoresCsv.Read(scoresPath);
        var index = cells.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var names = scores.Keys.ToList();
        var columns = names.Select(n => ProxyColumn.Parse(n)).Concat(ensembles.Select(n => ProxyColumn.Parse(n))).ToList();
        var samples = Enumerable.Range(0, Draws).Select(seed => Nb201TrainingRun.EvaluationSample(new EvaluationOptions(Subnets: 200, SampleSeed: seed))).ToList();
        Console.WriteLine("| proxy | cells with published value | Spearman vs published | τ ours, sample seed 0 | τ published column, sample seed 0 | ours: mean τ over 20 samples (± sd) | published column: mean τ over 20 samples (± sd) | RD-NAS Table 2 |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var column in columns)
        {
            var published = $"{(column.IsEnsemble ? "" : column.Name)}_c10";
            var hasPublished = !column.IsEnsemble && groundTruth.Columns.Contains(published);
            var agreement = hasPublished ? Agreement(cells, scores[column.Name], groundTruth, published) : "— | —";
            var taus = samples.TakeWhile(s => s.All(index.ContainsKey)).Select(s => Tau(column, s, index, scores, groundTruth)).ToList();
            var publishedTaus = hasPublished ? samples.Select(s => PublishedTau(s, groundTruth, published)).ToList() : [];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {column.Name} | {agreement} | {First(taus)} | {First(publishedTaus)} | {Summary(taus)} | {Summary(publishedTaus)} | {(s_paper.TryGetValue(column.Name, out var paper) ? TableFormat.Tau(paper) : "—")} |"));
        }
    }

    // RD-NAS (ICASSP 2023) Table 2: the teachers' τ on 200 random subnets of the 4-op space.
    private static readonly Dictionary<string, double> s_paper = new()
    {
        ["synflow"] = 0.588, ["params"] = 0.566, ["nwot"] = 0.551, ["flops"] = 0.529, ["snip"] = 0.512, ["zen"] = 0.488, ["grasp"] = 0.341,
    };

    private static string First(List<double> taus) => taus.Count > 0 ? TableFormat.Tau(taus[0]) : "—";

    private static string Agreement(IReadOnlyList<Nb201Genotype> cells, double[] ours, Nb201GroundTruth groundTruth, string published)
    {
        var pairs = cells.Select((c, i) => (Ours: ours[i], Published: groundTruth.Lookup(c, published)))
            .Where(p => double.IsFinite(p.Ours) && !double.IsNaN(p.Published)).ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{pairs.Count} | {SpearmanRho.Compute([.. pairs.Select(p => p.Ours)], [.. pairs.Select(p => p.Published)]):F4}");
    }

    private static double Tau(ProxyColumn column, IReadOnlyList<Nb201Genotype> sample, Dictionary<Nb201Genotype, int> index, IReadOnlyDictionary<string, double[]> scores, Nb201GroundTruth groundTruth)
    {
        var members = column.Members.ToDictionary(m => m.Name, m => sample.Select(c => scores[m.Name][index[c]]).ToArray());
        return KendallTau.Compute(column.Values(members), [.. sample.Select(c => groundTruth.Lookup(c, "cifar10_valid"))]);
    }

    private static double PublishedTau(IReadOnlyList<Nb201Genotype> sample, Nb201GroundTruth groundTruth, string published) =>
        KendallTau.Compute([.. sample.Select(c => groundTruth.Lookup(c, published))], [.. sample.Select(c => groundTruth.Lookup(c, "cifar10_valid"))]);

    private static string Summary(List<double> taus)
    {
        if (taus.Count < Draws)
        {
            return taus.Count == 0 ? "—" : $"({taus.Count} of {Draws} samples scored)";
        }

        return TableFormat.MeanAndSpread(taus);
    }
}
