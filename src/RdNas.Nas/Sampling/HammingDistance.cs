using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Sampling;

/// <summary>The number of edges on which two NB201 cells differ (mean 4.5 over uniform pairs of the 4-op space).</summary>
public static class HammingDistance
{
    /// <summary>The largest distance: every edge differs.</summary>
    public const double Maximum = Nb201Edges.Count;

    /// <summary>The Hamming distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static double Between(Nb201Genotype a, Nb201Genotype b)
    {
        var distance = 0;
        for (var edge = 0; edge < Nb201Edges.Count; edge++)
        {
            distance += a[edge] == b[edge] ? 0 : 1;
        }

        return distance;
    }
}
