using RdNas.Nas.SearchSpaces;
using RdNas.Nas.SearchSpaces.ResNet48;

namespace RdNas.Nas.Tests.SearchSpaces;

public sealed class ResNet48GenotypeTests
{
    // arch1 of the Track 1 test set: depths 2, 5, 2, 2; stem code 3.
    private const string Example = "1252233313000000223212122253130000000000006515000000";

    [Fact]
    public void Parse_Track1Code_ReadsDepthsAndWidthCodes()
    {
        var genotype = ResNet48Genotype.Parse(Example);

        Assert.Equal([2, 5, 2, 2], Enumerable.Range(0, 4).Select(genotype.Depth));
        Assert.Equal(3, genotype.StemCode);
        Assert.Equal([3, 1], Enumerable.Range(0, 2).Select(b => genotype.Conv1Code(0, b)));
        Assert.Equal([2, 3, 1, 1, 2], Enumerable.Range(0, 5).Select(b => genotype.Conv1Code(1, b)));
        Assert.Equal([3, 2, 3, 5], Enumerable.Range(0, 4).Select(genotype.Conv2Code));
        Assert.Equal(Example, genotype.ToString());
    }

    [Fact]
    public void Channels_WidthCodes_FollowTheCompetitionsRounding()
    {
        var widths = Enumerable.Range(0, 4).Select(s => Enumerable.Range(1, 7).Select(code => ResNet48Stages.Channels(s, code)).ToArray()).ToArray();

        Assert.Equal([64, 64, 56, 56, 48, 48, 48], widths[0]);
        Assert.Equal([128, 120, 112, 112, 104, 96, 88], widths[1]);
        Assert.Equal([256, 240, 232, 216, 208, 192, 176], widths[2]);
        Assert.Equal([512, 488, 464, 432, 408, 384, 360], widths[3]);
        var genotype = ResNet48Genotype.Parse(Example);
        Assert.Equal(56, genotype.StemChannels);
        Assert.Equal(232, genotype.OutputChannels(2));
        Assert.Equal(384, genotype.Conv1Channels(3, 0));
    }

    [Fact]
    public void Create_Choices_GivesTheCodeThatParsesToThem()
    {
        var genotype = ResNet48Genotype.Create([2, 5, 2, 2], 3, [[3, 1], [2, 3, 1, 1, 2], [5, 1], [6, 1]], [3, 2, 3, 5]);

        Assert.Equal(ResNet48Genotype.Parse(Example), genotype);
    }

    [Fact]
    public void Create_StageOneWidthOtherThanTheStems_IsRejectedByTheParser()
    {
        var error = Assert.Throws<ArchitectureFormatException>(
            () => ResNet48Genotype.Create([2, 2, 2, 2], 3, [[1, 1], [1, 1], [1, 1], [1, 1]], [4, 1, 1, 1]));

        Assert.Equal(7, error.Position);
    }

    [Fact]
    public void Create_FirstConvolutionCodesNotMatchingTheDepth_NamesTheStage()
    {
        var error = Assert.Throws<ArgumentException>(
            () => ResNet48Genotype.Create([2, 3, 2, 2], 1, [[1, 1], [1, 1], [1, 1], [1, 1]], [1, 1, 1, 1]));

        Assert.Contains("stage 2: 2 first-convolution codes for depth 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ChoicesForThreeStages_SaysAllFourAreNeeded()
    {
        var error = Assert.Throws<ArgumentException>(
            () => ResNet48Genotype.Create([2, 2, 2], 1, [[1, 1], [1, 1], [1, 1]], [1, 1, 1]));

        Assert.Contains("for all 4 stages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_CodeOfTwoDigits_IsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => ResNet48Genotype.Create([2, 2, 2, 2], 12, [[1, 1], [1, 1], [1, 1], [1, 1]], [12, 1, 1, 1]));

        Assert.Contains("stem code must be one digit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Conv1Code_BlockBeyondTheStagesDepth_Throws()
    {
        var genotype = ResNet48Genotype.Parse(Example);

        Assert.Throws<ArgumentOutOfRangeException>(() => genotype.Conv1Code(0, 2));
    }

    [Theory]
    [InlineData(Example + "0", 52, "53 characters (a ResNet48 code has 52 digits)")]
    [InlineData("125223331300000022321212225313000000000000651500000", 51, "51 characters")]
    [InlineData("1252233313x00000223212122253130000000000006515000000", 10, "'x' is not a digit")]
    [InlineData("2252233313000000223212122253130000000000006515000000", 0, "image size code '2' (expected 1: 224×224)")]
    [InlineData("1652233313000000223212122253130000000000006515000000", 1, "stage 1: depth 6 (expected 2..5)")]
    [InlineData("1259233313000000223212122253130000000000006515000000", 3, "stage 3: depth 9 (expected 2..8)")]
    [InlineData("1252283313000000223212122253130000000000006515000000", 5, "stem: width code 8 (expected 1..7")]
    [InlineData("1252233313130000223212122253130000000000006515000000", 10, "stage 1 block 3: '13' in an unused block (stage 1 has depth 2; expected '00')")]
    [InlineData("1252233313000000023212122253130000000000006515000000", 16, "stage 2 block 1 conv1: width code 0")]
    [InlineData("1252233413000000223212122253130000000000006515000000", 7, "stage 1 block 1 conv2: width code 4 differs from the stem's 3")]
    [InlineData("1252233313000000223312122253130000000000006515000000", 19, "stage 2 block 2 conv2: width code 3 differs from block 1's 2")]
    public void Parse_MalformedCode_NamesDigitAndPosition(string code, int position, string message)
    {
        var error = Assert.Throws<ArchitectureFormatException>(() => ResNet48Genotype.Parse(code));

        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains($"at position {position}", error.Message, StringComparison.Ordinal);
    }
}
