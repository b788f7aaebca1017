namespace RdNas.Nas.SearchSpaces.Nb201;

/// <summary>
/// Parses <c>|op~0|+|op~0|op~1|+|op~0|op~1|op~2|</c>, reporting the first bad token with its position: an unknown
/// operation, a wrong input index, a missing or extra node, or characters after the last node.
/// </summary>
internal static class Nb201ArchParser
{
    public static Nb201Op[] Parse(string arch)
    {
        ArgumentNullException.ThrowIfNull(arch);
        var ops = new Nb201Op[Nb201Edges.Count];
        var position = 0;
        for (var to = 1; to < Nb201Edges.NodeCount; to++)
        {
            if (to > 1)
            {
                Expect(arch, ref position, '+', $"expected '+' before node {to}");
            }

            Expect(arch, ref position, '|', $"expected '|' opening node {to}");
            for (var from = 0; from < to; from++)
            {
                var edge = $"edge {to}←{from}";
                var opStart = position;
                var tilde = arch.IndexOf('~', position);
                var bar = arch.IndexOf('|', position);
                if (tilde < 0 || (bar >= 0 && bar < tilde))
                {
                    throw new ArchitectureFormatException(arch, position, $"{edge}: expected 'op~{from}', found {Token(arch, position)}");
                }

                var name = arch.AsSpan(opStart, tilde - opStart);
                if (!Nb201Ops.TryParse(name, out ops[Nb201Edges.IndexOf(to, from)]))
                {
                    throw new ArchitectureFormatException(arch, opStart, $"{edge}: unknown op '{name}' (expected {Nb201Ops.ValidNames})");
                }

                position = tilde + 1;
                var indexEnd = bar < 0 ? arch.Length : bar;
                var index = arch.AsSpan(position, indexEnd - position);
                if (!index.SequenceEqual(from.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                {
                    throw new ArchitectureFormatException(arch, position, $"{edge}: wrong input index '{index}' (expected {from})");
                }

                position = indexEnd;
                Expect(arch, ref position, '|', $"{edge}: expected '|' after the input index");
            }
        }

        if (position != arch.Length)
        {
            throw new ArchitectureFormatException(arch, position, $"extra characters '{arch[position..]}' after node {Nb201Edges.NodeCount - 1} (a cell has {Nb201Edges.NodeCount - 1} nodes)");
        }

        return ops;
    }

    private static void Expect(string arch, ref int position, char expected, string what)
    {
        if (position >= arch.Length || arch[position] != expected)
        {
            throw new ArchitectureFormatException(arch, position, $"{what}, found {Token(arch, position)}");
        }

        position++;
    }

    private static string Token(string arch, int position) =>
        position >= arch.Length ? "end of string" : $"'{arch[position..Math.Min(arch.Length, position + 16)]}'";
}
