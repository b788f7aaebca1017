using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Evaluation;

/// <summary>
/// Which operation a supernet misjudges, over the cells it scored: the Pearson correlation of the operation's count in
/// a cell with the supernet's accuracy, with the ground truth, and with the rank error (rank by supernet − rank by
/// ground truth; positive: cells with more of the operation are ranked too high). A supernet that sees what an
/// operation does to a cell has the first two alike and the third near 0. (This project's CPU supernets, for
/// example, rate skip connections and 1×1 convolutions alike while fully trained cells gain from the convolution:
/// bench/RESULTS.md §5.)
/// </summary>
/// <param name="Op">The operation.</param>
/// <param name="SupernetCorrelation">r(count, supernet accuracy).</param>
/// <param name="GroundTruthCorrelation">r(count, ground truth).</param>
/// <param name="RankErrorCorrelation">r(count, rank by supernet − rank by ground truth).</param>
public sealed record OperationBias(Nb201Op Op, double SupernetCorrelation, double GroundTruthCorrelation, double RankErrorCorrelation)
{
    /// <summary>
    /// The bias of every operation whose count varies among <paramref name="cells"/> (an operation in no cell, or in
    /// every edge of every cell, says nothing), in the space's operation order.
    /// </summary>
    public static IReadOnlyList<OperationBias> Compute(IReadOnlyList<Nb201Genotype> cells, IReadOnlyList<double> supernet, IReadOnlyList<double> groundTruth)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count != supernet.Count || cells.Count != groundTruth.Count)
        {
            throw new ArgumentException($"{cells.Count} cells, {supernet.Count} supernet accuracies and {groundTruth.Count} ground-truth values: one of each per cell");
        }

        var rankError = SpearmanRho.AverageRanks(supernet).Zip(SpearmanRho.AverageRanks(groundTruth), (s, t) => s - t).ToArray();
        var ops = cells.Select(cell => cell.Ops()).ToList();
        return Nb201Ops.All
            .Select(op => (Op: op, Counts: ops.Select(edges => (double)edges.Count(o => o == op)).ToArray()))
            .Where(x => x.Counts.Distinct().Skip(1).Any())
            .Select(x => new OperationBias(x.Op, PearsonR.Compute(x.Counts, supernet), PearsonR.Compute(x.Counts, groundTruth), PearsonR.Compute(x.Counts, rankError)))
            .ToList();
    }
}
