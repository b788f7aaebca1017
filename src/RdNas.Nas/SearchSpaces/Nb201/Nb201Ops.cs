namespace RdNas.Nas.SearchSpaces.Nb201;

/// <summary>Names of the NAS-Bench-201 operations as the benchmark's arch strings spell them.</summary>
public static class Nb201Ops
{
    /// <summary>All five operations in benchmark order; index = <see cref="Nb201Op"/> value.</summary>
    public static IReadOnlyList<Nb201Op> All { get; } =
        [Nb201Op.None, Nb201Op.SkipConnect, Nb201Op.NorConv1x1, Nb201Op.NorConv3x3, Nb201Op.AvgPool3x3];

    /// <summary>The four operations of the RD-NAS reference space, which drops <c>none</c>.</summary>
    public static IReadOnlyList<Nb201Op> WithoutNone { get; } =
        [Nb201Op.SkipConnect, Nb201Op.NorConv1x1, Nb201Op.NorConv3x3, Nb201Op.AvgPool3x3];

    private static readonly string[] s_names = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"];

    /// <summary>The benchmark name of an operation, such as <c>nor_conv_3x3</c>.</summary>
    public static string Name(Nb201Op op) => s_names[(int)op];

    /// <summary>Parses a benchmark operation name; returns false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> name, out Nb201Op op)
    {
        for (var i = 0; i < s_names.Length; i++)
        {
            if (name.SequenceEqual(s_names[i]))
            {
                op = (Nb201Op)i;
                return true;
            }
        }

        op = Nb201Op.None;
        return false;
    }

    /// <summary>The valid names, comma-separated, for error messages.</summary>
    public static string ValidNames => string.Join(", ", s_names);
}
