using RdNas.Nas.Evaluation;
using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.Runs;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Bench;

/// <summary>
/// Stand-alone-trained cells (<see cref="StandaloneTraining"/>) against finished supernet runs scored on the same
/// cells: how each ranks them against the ground truth, how far the supernets agree with stand-alone training, and
/// which operations each misjudges. If stand-alone training at the supernet's size and budget already shares the
/// supernets' error, the error belongs to the reduced task, not to weight sharing.
/// </summary>
internal static class StandaloneComparison
{
    public static void Run(IReadOnlyList<string> csvFiles, IReadOnlyList<string> runDirectories)
    {
        var cells = StandaloneCell.Read(csvFiles);
        var runs = runDirectories.Select(RunRecord.Read).ToList();
        var comparison = Measure(cells, runs);
        Console.WriteLine($"{cells.Count} cells trained stand-alone ({string.Join(", ", csvFiles)})");
        Console.WriteLine("| scored by | τ vs ground truth | ρ vs ground truth | τ vs stand-alone |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| stand-alone training | {TableFormat.Tau(comparison.StandaloneTau)} | {TableFormat.Tau(comparison.StandaloneRho)} | |");
        foreach (var (run, scores) in runs.Zip(comparison.Runs))
        {
            Console.WriteLine($"| {Path.GetFileName(run.Directory)} | {TableFormat.Tau(scores.TauWithTruth)} | {TableFormat.Tau(scores.RhoWithTruth)} | {TableFormat.Tau(scores.TauWithStandalone)} |");
        }

        if (runs.Count > 1)
        {
            Console.WriteLine($"| the {runs.Count} runs, mean ± sd | {TableFormat.MeanAndSpread([.. comparison.Runs.Select(r => r.TauWithTruth)])} | | {TableFormat.MeanAndSpread([.. comparison.Runs.Select(r => r.TauWithStandalone)])} |");
        }

        Console.WriteLine();
        Console.WriteLine("| op | r(count, ground truth) | r(count, stand-alone acc.) | r(count, supernet acc.), mean of runs |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var op in comparison.Operations)
        {
            Console.WriteLine($"| {Nb201Ops.Name(op.Op)} | {TableFormat.Signed(op.GroundTruth)} | {TableFormat.Signed(op.Standalone)} | {(op.SupernetMean is { } r ? TableFormat.Signed(r) : "")} |");
        }
    }

    /// <summary>The comparison of <paramref name="cells"/> with <paramref name="runs"/>, each of which must have scored every cell.</summary>
    public static Comparison Measure(IReadOnlyList<StandaloneCell> cells, IReadOnlyList<RunRecord> runs)
    {
        if (cells.Count < 3)
        {
            throw new ArgumentException($"standalone-compare: {cells.Count} stand-alone cells; at least 3 are needed");
        }

        var truth = cells.Select(c => c.GroundTruth).ToArray();
        var standalone = cells.Select(c => c.Accuracy).ToArray();
        var supernets = runs.Select(run => Aligned(run, cells)).ToList();
        var genotypes = cells.Select(c => Nb201Genotype.Parse(c.Arch)).ToArray();
        var supernetBias = supernets.Select(a => OperationBias.Compute(genotypes, a, truth)).ToList();
        var operations = OperationBias.Compute(genotypes, standalone, truth)
            .Select((bias, k) => new OperationComparison(bias.Op, bias.GroundTruthCorrelation, bias.SupernetCorrelation, supernetBias.Count > 0 ? supernetBias.Average(b => b[k].SupernetCorrelation) : null))
            .ToList();
        return new Comparison(
            KendallTau.Compute(standalone, truth), SpearmanRho.Compute(standalone, truth),
            [.. supernets.Select(a => new RunComparison(KendallTau.Compute(a, truth), SpearmanRho.Compute(a, truth), KendallTau.Compute(a, standalone)))],
            operations);
    }

    private static double[] Aligned(RunRecord run, IReadOnlyList<StandaloneCell> cells)
    {
        var byArch = run.Subnets.ToDictionary(s => s.Arch, s => s.SupernetAccuracy, StringComparer.Ordinal);
        return [.. cells.Select(c => byArch.TryGetValue(c.Arch, out var accuracy)
            ? accuracy
            : throw new ArgumentException($"standalone-compare: run {run.Directory} did not score {c.Arch}"))];
    }

    /// <summary>How stand-alone training and each run rank the cells, and each operation's correlations.</summary>
    internal sealed record Comparison(double StandaloneTau, double StandaloneRho, IReadOnlyList<RunComparison> Runs, IReadOnlyList<OperationComparison> Operations);

    /// <summary>A run's τ and ρ against the ground truth and its τ against stand-alone training, on the same cells.</summary>
    internal sealed record RunComparison(double TauWithTruth, double RhoWithTruth, double TauWithStandalone);

    /// <summary>r(count of the op, ·) with the ground truth, the stand-alone accuracies and (mean over runs) the supernets'.</summary>
    internal sealed record OperationComparison(Nb201Op Op, double GroundTruth, double Standalone, double? SupernetMean);
}
