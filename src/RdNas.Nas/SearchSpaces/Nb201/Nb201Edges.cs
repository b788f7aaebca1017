namespace RdNas.Nas.SearchSpaces.Nb201;

/// <summary>
/// The six edges of a NAS-Bench-201 cell in arch-string order: (1←0), (2←0), (2←1), (3←0), (3←1), (3←2).
/// </summary>
public static class Nb201Edges
{
    /// <summary>Number of edges in a cell.</summary>
    public const int Count = 6;

    /// <summary>Number of nodes in a cell, input node 0 included.</summary>
    public const int NodeCount = 4;

    private static readonly (int To, int From)[] s_edges = [(1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (3, 2)];

    /// <summary>The target node of edge <paramref name="edge"/>.</summary>
    public static int To(int edge) => s_edges[edge].To;

    /// <summary>The source node of edge <paramref name="edge"/>.</summary>
    public static int From(int edge) => s_edges[edge].From;

    /// <summary>The index of the edge from <paramref name="from"/> into <paramref name="to"/>.</summary>
    public static int IndexOf(int to, int from) => (to * (to - 1) / 2) + from;
}
