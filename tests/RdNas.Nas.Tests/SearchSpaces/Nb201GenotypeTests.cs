using RdNas.Nas.SearchSpaces;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Tests.SearchSpaces;

public sealed class Nb201GenotypeTests
{
    private const string Example = "|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|";

    [Fact]
    public void Parse_OfficialString_ReadsEdgesInOrder()
    {
        var genotype = Nb201Genotype.Parse(Example);

        Assert.Equal(
            [Nb201Op.NorConv3x3, Nb201Op.SkipConnect, Nb201Op.NorConv1x1, Nb201Op.AvgPool3x3, Nb201Op.None, Nb201Op.NorConv3x3],
            genotype.Ops());
        Assert.Equal(Example, genotype.ToString());
        Assert.True(genotype.UsesNone);
    }

    [Fact]
    public void ToString_EveryCellOfTheFullSpace_ParsesBackToItself()
    {
        var cells = new Nb201SearchSpace(5).Enumerate().ToList();

        Assert.All(cells, cell => Assert.Equal(cell, Nb201Genotype.Parse(cell.ToString())));
        Assert.Equal(15_625, cells.Distinct().Count());
    }

    [Theory]
    [InlineData("|nor_conv_3x3~0|+|skip_connect~0|conv5x5~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|", 33, "edge 2←1: unknown op 'conv5x5'")]
    [InlineData("|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~2|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|", 46, "edge 2←1: wrong input index '2' (expected 1)")]
    [InlineData("|nor_conv_3x3~1|+|skip_connect~0|nor_conv_1x1~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|", 14, "edge 1←0: wrong input index '1' (expected 0)")]
    [InlineData("|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|", 48, "expected '+' before node 3, found end of string")]
    [InlineData(Example + "+|none~0|", 87, "extra characters '+|none~0|' after node 3")]
    [InlineData(Example + " ", 87, "extra characters ' '")]
    [InlineData("", 0, "expected '|' opening node 1, found end of string")]
    [InlineData("|nor_conv_3x3|+|skip_connect~0|nor_conv_1x1~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|", 1, "edge 1←0: expected 'op~0'")]
    [InlineData("|nor_conv_3x3~0|+|skip_connect~0|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|", 33, "edge 2←1: expected 'op~1', found '+|avg_pool_3x3~0'")]
    public void Parse_MalformedString_NamesTokenAndPosition(string arch, int position, string message)
    {
        var error = Assert.Throws<ArchitectureFormatException>(() => Nb201Genotype.Parse(arch));

        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains($"at position {position}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownOp_ListsValidOps()
    {
        var error = Assert.Throws<ArchitectureFormatException>(() => Nb201Genotype.Parse(Example.Replace("none", "zero", StringComparison.Ordinal)));

        Assert.Contains("(expected none, skip_connect, nor_conv_1x1, nor_conv_3x3, avg_pool_3x3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromOps_WrongEdgeCount_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Nb201Genotype.FromOps([Nb201Op.None, Nb201Op.None]));

        Assert.Contains("6 edges, got 2", error.Message, StringComparison.Ordinal);
    }
}
