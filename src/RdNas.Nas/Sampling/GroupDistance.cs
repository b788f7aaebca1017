using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Sampling;

/// <summary>
/// RD-NAS's group distance between two NB201 cells: Σ over the six edges of the distance between their operations,
/// 0 for the same operation, 0.5 for two operations of one group, 2 for operations of different groups. The groups
/// are the parametric convolutions {nor_conv_1x1, nor_conv_3x3} and the parameter-free {skip_connect, avg_pool_3x3};
/// in the 5-op space <c>none</c> is a group of its own (it cuts the edge, unlike anything else), so it is 2 from every
/// other operation. Uniform pairs are 6.75 apart on average in the 4-op space and 8.16 in the 5-op space.
/// </summary>
public static class GroupDistance
{
    /// <summary>The largest distance two cells can have (every edge in a different group).</summary>
    public const double Maximum = 2 * Nb201Edges.Count;

    /// <summary>The group distance between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static double Between(Nb201Genotype a, Nb201Genotype b)
    {
        double distance = 0;
        for (var edge = 0; edge < Nb201Edges.Count; edge++)
        {
            distance += Between(a[edge], b[edge]);
        }

        return distance;
    }

    /// <summary>The distance between two operations.</summary>
    public static double Between(Nb201Op a, Nb201Op b) =>
        a == b ? 0 : GroupOf(a) == GroupOf(b) ? 0.5 : 2;

    private static int GroupOf(Nb201Op op) => op switch
    {
        Nb201Op.NorConv1x1 or Nb201Op.NorConv3x3 => 0,
        Nb201Op.SkipConnect or Nb201Op.AvgPool3x3 => 1,
        Nb201Op.None => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not an NB201 operation"),
    };
}
