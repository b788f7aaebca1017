using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Search;

/// <summary>
/// A search's memory of what it has scored: each distinct cell is scored once (evolution proposes some cells again),
/// numbered in scoring order, and reported to the progress callback.
/// </summary>
internal sealed class ScoredCells(ArchitectureScore score, IProgress<int>? progress, CancellationToken cancellationToken)
{
    private readonly Dictionary<Nb201Genotype, SearchEvaluation> _byCell = [];
    private readonly List<SearchEvaluation> _inOrder = [];

    public int Count => _inOrder.Count;

    public IReadOnlyList<SearchEvaluation> InOrder => _inOrder;

    /// <summary>The cell's evaluation, scoring it first if it is new.</summary>
    public SearchEvaluation Evaluate(Nb201Genotype genotype)
    {
        if (_byCell.TryGetValue(genotype, out var known))
        {
            return known;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var evaluation = new SearchEvaluation(_inOrder.Count + 1, genotype, score(genotype, cancellationToken));
        _byCell.Add(genotype, evaluation);
        _inOrder.Add(evaluation);
        progress?.Report(_inOrder.Count);
        return evaluation;
    }
}
