using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Search;

/// <summary>The check every strategy makes of its budget: at least one cell, at most the whole space.</summary>
internal static class SearchBudget
{
    public static void Check(Nb201SearchSpace space, int budget)
    {
        if (budget < 1 || budget > space.Size)
        {
            throw new ArgumentOutOfRangeException(nameof(budget), budget, $"the search budget must lie between 1 and the space's {space.Size} cells");
        }
    }
}
