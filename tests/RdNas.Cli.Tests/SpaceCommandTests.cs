namespace RdNas.Cli.Tests;

public sealed class SpaceCommandTests
{
    private const string Valid = "|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|";

    [Theory]
    [InlineData("4", "nb201: 4096 cells")]
    [InlineData("5", "nb201: 15625 cells")]
    public async Task Info_OpCount_PrintsSpaceSize(string ops, string expected)
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("space", "info", "--space", "nb201", "--ops", ops);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains(expected, cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_Json_IsMachineReadable()
    {
        using var cli = new CliRunner();

        await cli.RunAsync("space", "info", "--format", "json");

        using var json = System.Text.Json.JsonDocument.Parse(cli.Output);
        Assert.Equal(4096, json.RootElement.GetProperty("size").GetInt32());
    }

    [Fact]
    public async Task Info_UnknownSpace_FailsNamingValidSpaces()
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("space", "info", "--space", "darts");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("unknown search space 'darts' (expected nb201)", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ValidArch_ExitsZeroAndPrintsIt()
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("space", "validate", Valid);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(Valid, cli.Output.Trim());
    }

    [Fact]
    public async Task Validate_UnknownOp_ExitsNonZeroWithPosition()
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("space", "validate", Valid.Replace("nor_conv_1x1", "conv5x5", StringComparison.Ordinal));

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("at position 33: edge 2←1: unknown op 'conv5x5'", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_NoneInFourOpSpace_IsRefused()
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("space", "validate", "--ops", "4", Valid);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("'none' is not an operation of the 4-op space", cli.Error, StringComparison.Ordinal);
    }
}
