namespace RdNas.Nas.Search;

/// <summary>Every cell a search scored, in order, and how many proposal cycles it took.</summary>
/// <param name="Strategy">The strategy's name (<c>evolution</c>, <c>random</c>).</param>
/// <param name="Evaluations">Distinct cells in the order they were first scored.</param>
/// <param name="Cycles">Proposals after the initial cells (evolution: mutations, some of them of cells already scored).</param>
public sealed record SearchTrace(string Strategy, IReadOnlyList<SearchEvaluation> Evaluations, int Cycles)
{
    /// <summary>The best-scored cell (the earliest of equal scores): what the search returns.</summary>
    public SearchEvaluation Best => Incumbents[^1];

    /// <summary>After each evaluation, the best-scored cell so far: the search's anytime answer.</summary>
    public IReadOnlyList<SearchEvaluation> Incumbents
    {
        get
        {
            if (Evaluations.Count == 0)
            {
                throw new InvalidOperationException("the search scored no cell");
            }

            var incumbents = new List<SearchEvaluation>(Evaluations.Count);
            foreach (var evaluation in Evaluations)
            {
                incumbents.Add(incumbents.Count == 0 || evaluation.Beats(incumbents[^1]) ? evaluation : incumbents[^1]);
            }

            return incumbents;
        }
    }
}
