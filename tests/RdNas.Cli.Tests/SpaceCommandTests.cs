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
        Assert.Contains("unknown search space 'darts' (expected nb201 or resnet48)", cli.Error, StringComparison.Ordinal);
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

    private const string ResNet48Code = "1252233313000000223212122253130000000000006515000000";

    [Fact]
    public async Task Info_ResNet48_PrintsTheSpaceSizeAndChoices()
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("space", "info", "--space", "resnet48");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("resnet48: 121588067670250048000000 architectures (1.2e+23)", cli.Output, StringComparison.Ordinal);
        Assert.Contains("depths 2–5, 2–5, 2–8, 2–5", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_ResNet48WithOps_IsRefused()
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("space", "info", "--space", "resnet48", "--ops", "4");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--ops chooses between nb201's 4- and 5-operation spaces; resnet48 has no such choice", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_ResNet48Json_KeepsEveryDigitOfTheSize()
    {
        using var cli = new CliRunner();

        await cli.RunAsync("space", "info", "--space", "resnet48", "--format", "json");

        using var json = System.Text.Json.JsonDocument.Parse(cli.Output);
        Assert.Equal("121588067670250048000000", json.RootElement.GetProperty("size").GetString());
        Assert.Equal([5, 5, 8, 5], json.RootElement.GetProperty("max_depths").EnumerateArray().Select(d => d.GetInt32()));
    }

    [Fact]
    public async Task Validate_ResNet48Code_ExitsZeroAndPrintsIt()
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("space", "validate", "--space", "resnet48", ResNet48Code);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(ResNet48Code, cli.Output.Trim());
    }

    [Fact]
    public async Task Validate_ResNet48CodeWithMismatchedShortcutWidth_ExitsNonZeroWithPosition()
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("space", "validate", "--space", "resnet48", "1252233413000000223212122253130000000000006515000000");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("at position 7: stage 1 block 1 conv2: width code 4 differs from the stem's 3", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Costs_Track1TestSet_WritesEveryArchitectureAndTheStandaloneCheck()
    {
        using var cli = new CliRunner();
        var output = Path.Combine(Path.GetTempPath(), "rdnas-tests", Guid.NewGuid().ToString("N"), "track1-costs.csv");

        var code = await cli.RunAsync("space", "costs", "--space", "resnet48", "--data", CliRunner.RealDataFolder(), "--out", output);

        Assert.Equal(ExitCodes.Success, code);
        var lines = File.ReadAllLines(output);
        Assert.Equal(45_001, lines.Length);
        Assert.Equal("name,arch,mflops,params_m", lines[0]);
        Assert.Equal($"arch1,{ResNet48Code},2105.100,9.621328", lines[1]);
        Assert.Contains("MFLOPs against one team's stand-alone top-1 of 30 architectures (not official): Kendall τ 0.591", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Costs_DataWithoutStandaloneAccuracies_WritesTheCostsAndSaysTheCheckWasSkipped()
    {
        using var cli = new CliRunner();
        var data = Path.Combine(Path.GetTempPath(), "rdnas-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(data, "cvpr2022_track1"));
        File.WriteAllText(Path.Combine(data, "cvpr2022_track1", "CVPR_2022_NAS_Track1_test.json"), $$$"""{"arch1": {"acc": 0.0, "arch": "{{{ResNet48Code}}}"}}""");
        var output = Path.Combine(data, "costs.csv");

        var code = await cli.RunAsync("space", "costs", "--space", "resnet48", "--data", data, "--out", output);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(["name,arch,mflops,params_m", $"arch1,{ResNet48Code},2105.100,9.621328"], File.ReadAllLines(output));
        Assert.Contains("no cvpr2022_track1/gt_arch30_standalone.json in the data folder: skipped the stand-alone check", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Costs_MissingTestSet_NamesTheFile()
    {
        using var cli = new CliRunner();
        var data = Path.Combine(Path.GetTempPath(), "rdnas-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);

        var code = await cli.RunAsync("space", "costs", "--space", "resnet48", "--data", data, "--out", Path.Combine(data, "costs.csv"));

        Assert.Equal(ExitCodes.DataMissing, code);
        Assert.Contains("missing cvpr2022_track1/CVPR_2022_NAS_Track1_test.json", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Costs_Nb201_PointsToTheProxyCommand()
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("space", "costs", "--space", "nb201", "--out", "unused.csv");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("rdnas proxies score --proxy flops,params", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_ResNet48_SaysWhatTheSpaceSupports()
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("train", "--space", "resnet48", "--sampler", "spos", "--preset", "smoke", "--out", "unused");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("search space 'resnet48' is not supported by this command: it supports nb201 (resnet48 has space info, space validate, space costs and proxies score)", cli.Error, StringComparison.Ordinal);
    }
}
