using RdNas.Cli.Commands;

namespace RdNas.Cli.Tests;

public sealed class SeedListTests
{
    [Theory]
    [InlineData("0,1,2", new long[] { 0, 1, 2 })]
    [InlineData("0-4", new long[] { 0, 1, 2, 3, 4 })]
    [InlineData(" 3 , 0-1 ,7", new long[] { 3, 0, 1, 7 })]
    [InlineData("-2-0", new long[] { -2, -1, 0 })]
    [InlineData("5", new long[] { 5 })]
    public void Parse_ListsAndRanges_SeedsInTheOrderGiven(string text, long[] expected) =>
        Assert.Equal(expected, SeedList.Parse(text));

    [Theory]
    [InlineData("2-1", "--seeds: '2-1' is an empty range (write the smaller seed first)")]
    [InlineData("0,x", "--seeds: 'x' is not a seed or a range of seeds (e.g. 0,1,2 or 0-4)")]
    [InlineData("0,,1", "--seeds: '' is not a seed or a range of seeds (e.g. 0,1,2 or 0-4)")]
    [InlineData("0-2,1", "--seeds: seed 1 is named twice")]
    [InlineData("0-100", "--seeds: more than 100 seeds")]
    [InlineData("0-59,100-159", "--seeds: more than 100 seeds")]
    public void Parse_Malformed_NamesThePart(string text, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => SeedList.Parse(text)).Message);

    [Fact]
    public void FolderName_IsSAndTheSeed() => Assert.Equal("s-3", SeedList.FolderName(-3));
}
