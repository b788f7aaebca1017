using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Search;

/// <summary>One scored cell of a search, numbered in the order it was scored (1 first).</summary>
public sealed record SearchEvaluation(int Order, Nb201Genotype Genotype, double Score)
{
    /// <summary>Whether this evaluation beats <paramref name="other"/>: a higher score, NaN never better.</summary>
    public bool Beats(SearchEvaluation other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return !double.IsNaN(Score) && (double.IsNaN(other.Score) || Score > other.Score);
    }
}
