using RdNas.Nas.Proxies;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Tests.Proxies;

public sealed class ProxyScoresCsvTests
{
    private const string Cell = "|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|";

    [Fact]
    public void Read_WhatWriteWrote_GivesTheCellsAndColumnsBack()
    {
        var path = Path.Combine(TestData.TempFolder(), "scores.csv");
        File.WriteAllLines(path, ["arch,synflow,nwot", $"{Cell},1.5,-inf"]);

        var (cells, columns) = ProxyScoresCsv.Read(path);

        Assert.Equal([Nb201Genotype.Parse(Cell)], cells);
        Assert.Equal([1.5], columns["synflow"]);
        Assert.Equal([double.NegativeInfinity], columns["nwot"]);
    }

    [Theory]
    [InlineData("cell,synflow\n", "expected a header 'arch,<proxy>...'")]
    [InlineData("arch,synflow\n" + Cell + ",1,2\n", ":2: 3 fields, expected 2")]
    [InlineData("arch,synflow\n" + Cell + ",fast\n", ":2: ")]
    [InlineData("arch,synflow\n|conv~0|,1\n", ":2: ")]
    public void Read_MalformedFile_NamesTheFileAndLine(string content, string expected)
    {
        var path = Path.Combine(TestData.TempFolder(), "scores.csv");
        File.WriteAllText(path, content);

        var error = Assert.Throws<InvalidDataException>(() => ProxyScoresCsv.Read(path));

        Assert.StartsWith(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
