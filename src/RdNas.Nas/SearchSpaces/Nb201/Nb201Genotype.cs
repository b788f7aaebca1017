using System.Text;

namespace RdNas.Nas.SearchSpaces.Nb201;

/// <summary>
/// One NAS-Bench-201 cell: an operation on each of the six edges. Packed as a base-5 number so that equality,
/// hashing and copying are those of an integer.
/// </summary>
public readonly record struct Nb201Genotype
{
    private readonly int _code;

    private Nb201Genotype(int code) => _code = code;

    /// <summary>Builds a genotype from six operations in edge order.</summary>
    public static Nb201Genotype FromOps(ReadOnlySpan<Nb201Op> ops)
    {
        if (ops.Length != Nb201Edges.Count)
        {
            throw new ArgumentException($"a cell has {Nb201Edges.Count} edges, got {ops.Length} operations", nameof(ops));
        }

        var code = 0;
        for (var e = Nb201Edges.Count - 1; e >= 0; e--)
        {
            if ((uint)ops[e] > (uint)Nb201Op.AvgPool3x3)
            {
                throw new ArgumentOutOfRangeException(nameof(ops), ops[e], $"edge {e}: not an NB201 operation");
            }

            code = (code * 5) + (int)ops[e];
        }

        return new Nb201Genotype(code);
    }

    /// <summary>The operation on edge <paramref name="edge"/> (0..5, arch-string order).</summary>
    public Nb201Op this[int edge]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(edge);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(edge, Nb201Edges.Count);
            var code = _code;
            for (var e = 0; e < edge; e++)
            {
                code /= 5;
            }

            return (Nb201Op)(code % 5);
        }
    }

    /// <summary>The six operations in edge order.</summary>
    public Nb201Op[] Ops()
    {
        var ops = new Nb201Op[Nb201Edges.Count];
        for (var e = 0; e < ops.Length; e++)
        {
            ops[e] = this[e];
        }

        return ops;
    }

    /// <summary>Whether any edge holds <c>none</c>.</summary>
    public bool UsesNone => Ops().Contains(Nb201Op.None);

    /// <summary>
    /// Whether the output node is cut off from the input: every path 0 → 3 crosses a <c>none</c> edge, so the cell
    /// outputs zeros whatever its weights (proxies give such cells the lowest score).
    /// </summary>
    public bool IsDisconnected
    {
        get
        {
            Span<bool> reachable = stackalloc bool[Nb201Edges.NodeCount];
            reachable[0] = true;
            for (var e = 0; e < Nb201Edges.Count; e++)
            {
                reachable[Nb201Edges.To(e)] |= reachable[Nb201Edges.From(e)] && this[e] != Nb201Op.None;
            }

            return !reachable[Nb201Edges.NodeCount - 1];
        }
    }

    /// <summary>Parses the official arch string; see <see cref="Nb201ArchParser"/> for the errors.</summary>
    public static Nb201Genotype Parse(string arch) => FromOps(Nb201ArchParser.Parse(arch));

    /// <summary>The official arch string, <c>|op~0|+|op~0|op~1|+|op~0|op~1|op~2|</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(96);
        for (var to = 1; to < Nb201Edges.NodeCount; to++)
        {
            if (to > 1)
            {
                builder.Append('+');
            }

            builder.Append('|');
            for (var from = 0; from < to; from++)
            {
                builder.Append(Nb201Ops.Name(this[Nb201Edges.IndexOf(to, from)])).Append('~').Append((char)('0' + from)).Append('|');
            }
        }

        return builder.ToString();
    }
}
