using RdNas.Nas.Search;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Tests.Search;

/// <summary>Synthetic scores with a known optimum, and a scorer that counts its calls.</summary>
internal sealed class SearchScores
{
    /// <summary>The cell every synthetic score peaks at.</summary>
    public static readonly Nb201Genotype Target = Nb201Genotype.Parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_1x1~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|");

    public int Calls { get; private set; }

    /// <summary>Edges that agree with <see cref="Target"/> (0..6): a landscape one mutation at a time can climb.</summary>
    public static double Matches(Nb201Genotype genotype) =>
        Enumerable.Range(0, Nb201Edges.Count).Count(e => genotype[e] == Target[e]);

    /// <summary><see cref="Matches"/>, counting calls.</summary>
    public ArchitectureScore Counting => (genotype, _) =>
    {
        Calls++;
        return Matches(genotype);
    };

    /// <summary>Edges on which two cells differ.</summary>
    public static int Distance(Nb201Genotype a, Nb201Genotype b) =>
        Enumerable.Range(0, Nb201Edges.Count).Count(e => a[e] != b[e]);
}
