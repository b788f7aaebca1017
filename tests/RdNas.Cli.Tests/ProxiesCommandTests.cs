using System.Text.Json;

namespace RdNas.Cli.Tests;

public sealed class ProxiesCommandTests
{
    [Fact]
    public async Task Score_AnalyticProxiesOnFileOfArchs_WritesOneColumnPerProxy()
    {
        using var cli = new CliRunner();
        var folder = Directory.CreateTempSubdirectory("rdnas-proxies").FullName;
        var archs = Path.Combine(folder, "archs.txt");
        await File.WriteAllLinesAsync(archs, [
            "# two cells",
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|",
            "",
            "|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|",
        ], TestContext.Current.CancellationToken);
        var output = Path.Combine(folder, "scores.csv");

        var code = await cli.RunAsync("proxies", "score", "--space", "nb201", "--proxy", "params,flops", "--archs", $"file:{archs}", "--ops", "5", "--out", output);

        Assert.True(code == ExitCodes.Success, cli.Error);
        var lines = await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken);
        Assert.Equal("arch,params,flops", lines[0]);
        Assert.StartsWith("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|,1.531546,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",-inf,-inf", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public async Task Score_OneOrTwoWorkers_WriteTheSameFile_WithAnEnsembleColumn()
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-proxies").FullName;
        string[] outputs = [Path.Combine(folder, "one.csv"), Path.Combine(folder, "two.csv")];

        for (var workers = 1; workers <= 2; workers++)
        {
            using var cli = new CliRunner();
            var code = await cli.RunAsync("proxies", "score", "--proxy", "synflow,ensemble:synflow+params", "--archs", "first:6", "--workers", $"{workers}", "--out", outputs[workers - 1]);
            Assert.True(code == ExitCodes.Success, cli.Error);
            Assert.Contains($"scored 6 cells with synflow, ensemble:synflow+params in", cli.Output, StringComparison.Ordinal);
        }

        var lines = await File.ReadAllLinesAsync(outputs[0], TestContext.Current.CancellationToken);
        Assert.Equal("arch,synflow,ensemble:synflow+params", lines[0]);
        Assert.Equal(7, lines.Length);
        Assert.Equal(lines, await File.ReadAllLinesAsync(outputs[1], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Score_ResNet48Standalone_WritesNamedRowsAndChecksEachProxyAgainstTheStandaloneAccuracies()
    {
        using var cli = new CliRunner();
        var output = Path.Combine(Directory.CreateTempSubdirectory("rdnas-proxies").FullName, "track1.csv");

        var code = await cli.RunAsync("proxies", "score", "--space", "resnet48", "--proxy", "flops,synflow", "--archs", "standalone", "--side", "32", "--workers", "2", "--data", CliRunner.RealDataFolder(), "--out", output);

        Assert.True(code == ExitCodes.Success, cli.Error);
        var lines = await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken);
        Assert.Equal(31, lines.Length);
        Assert.Equal("name,arch,flops,synflow", lines[0]);
        Assert.StartsWith("arch1,1252233313000000223212122253130000000000006515000000,2105.099904,", lines[1], StringComparison.Ordinal);
        Assert.Contains("scored 30 resnet48 architectures with flops, synflow at 32×32 in", cli.Output, StringComparison.Ordinal);
        Assert.Contains("flops against one team's stand-alone top-1 of 30 architectures (not official): Kendall τ 0.591", cli.Output, StringComparison.Ordinal);
        Assert.Contains("synflow against one team's stand-alone top-1 of 30 architectures (not official): Kendall τ", cli.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(output + ".partial"));
    }

    [Fact]
    public async Task Score_ResNet48AllWithAnEnsemble_WritesItsColumnAndATrack1Submission()
    {
        using var cli = new CliRunner();
        var folder = Directory.CreateTempSubdirectory("rdnas-proxies").FullName;
        var output = Path.Combine(folder, "track1.csv");
        var submission = Path.Combine(folder, "submission.json");

        var code = await cli.RunAsync(
            "proxies", "score", "--space", "resnet48", "--proxy", "ensemble:flops+params", "--archs", "all", "--data", CliRunner.RealDataFolder(), "--out", output, "--submission", submission);

        Assert.True(code == ExitCodes.Success, cli.Error);
        var lines = await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken);
        Assert.Equal(45_001, lines.Length);
        Assert.Equal("name,arch,ensemble:flops+params", lines[0]);
        var submitted = RdNas.Nas.GroundTruth.Track1Architectures.Load(submission);
        var testSet = RdNas.Nas.GroundTruth.Track1Architectures.LoadTestSet(RdNas.Nas.Data.DataDirectory.Resolve(CliRunner.RealDataFolder()));
        Assert.Equal(testSet.Select(a => (a.Name, a.Genotype)), submitted.Select(a => (a.Name, a.Genotype)));
        Assert.Equal(lines.Skip(1).Select(l => double.Parse(l.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture)), submitted.Select(a => a.Accuracy));
        Assert.InRange(submitted.Min(a => a.Accuracy), 1, 45_000); // mean ranks among the 45,000
        Assert.Contains("ensemble:flops+params against one team's stand-alone top-1 of 30 architectures (not official): Kendall τ 0.655", cli.Output, StringComparison.Ordinal);
        Assert.Contains("scored 45000 resnet48 architectures with ensemble:flops+params in", cli.Output, StringComparison.Ordinal); // no input side: no networks
    }

    [Fact]
    public async Task Score_ResNet48FileListingACodeTwice_WritesARowForEachLine()
    {
        using var cli = new CliRunner();
        var folder = Directory.CreateTempSubdirectory("rdnas-proxies").FullName;
        var archs = Path.Combine(folder, "codes.txt");
        const string arch1 = "1252233313000000223212122253130000000000006515000000";
        await File.WriteAllLinesAsync(archs, [arch1, "1447233323333300331313230025153545153545003252000000", "1526421212322232112100000014443444143400006666764600", arch1], TestContext.Current.CancellationToken);
        var output = Path.Combine(folder, "track1.csv");

        var code = await cli.RunAsync("proxies", "score", "--space", "resnet48", "--proxy", "flops", "--archs", $"file:{archs}", "--data", CliRunner.RealDataFolder(), "--out", output);

        Assert.True(code == ExitCodes.Success, cli.Error);
        var lines = await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken);
        Assert.Equal(5, lines.Length);
        Assert.Equal(lines[1], lines[4]);
        Assert.Contains("flops against one team's stand-alone top-1 of 3 architectures (not official)", cli.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("resnet48", "--proxy nwot", "proxy 'nwot' needs real images, and resnet48's are ImageNet's")]
    [InlineData("nb201", "--proxy flops --side 64", "--side applies to --space resnet48")]
    [InlineData("resnet48", "--proxy flops --ops 5", "--ops chooses between nb201's 4- and 5-operation spaces; resnet48 has no such choice")]
    [InlineData("resnet48", "--proxy ensemble:zen+grasp", "proxy 'grasp' needs real images")]
    [InlineData("resnet48", "--proxy flops,zen --submission s.json", "--submission ranks all 45,000 Track 1 test architectures by one column")]
    [InlineData("nb201", "--proxy flops --submission s.json", "--submission writes a CVPR 2022 Track 1 file: it applies to --space resnet48")]
    public async Task Score_OptionTheSpaceCannotTake_SaysWhy(string space, string options, string message)
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync(["proxies", "score", "--space", space, .. options.Split(' '), "--archs", "first:1", "--data", CliRunner.RealDataFolder(), "--out", "unused.csv"]);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(message, cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_ZeroWorkers_IsRefused()
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("proxies", "score", "--proxy", "flops", "--archs", "all", "--workers", "0", "--out", "unused.csv");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("--workers must be at least 1", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Score_UnknownProxy_ListsTheValidOnes()
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("proxies", "score", "--proxy", "nwot2", "--archs", "all", "--out", "unused.csv");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("unknown proxy 'nwot2' (expected one of params, flops, synflow, snip, grad_norm, plain, jacov, nwot, grasp, fisher, zen, l2_norm, epe_nas)", cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", cli.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("first:x", "--archs first:x: N must be a whole number from 1 to 4096")]
    [InlineData("some", "--archs some: expected all, first:N or file:PATH")]
    [InlineData("file:/no/such/file", "--archs file:/no/such/file: no such file")]
    public async Task Score_BadArchSelection_SaysWhatIsAllowed(string archs, string message)
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("proxies", "score", "--proxy", "flops", "--archs", archs, "--out", "unused.csv");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(message, cli.Error, StringComparison.Ordinal);
    }

    // The RD-NAS paper's FLOPs teacher has τ 0.529 on its draws; the published column gives 0.527 over 20 draws. An
    // average-rank ensemble of FLOPs and params ranks about as well as either.
    [Theory]
    [InlineData("flops", 0.45, 0.62)]
    [InlineData("ensemble:flops+params", 0.45, 0.65)]
    public async Task Rank_AnalyticTeacher_ReportsKendallTauNearThePublishedValue(string proxy, double low, double high)
    {
        var data = CliRunner.RealDataFolder();
        using var cli = new CliRunner();

        var code = await cli.RunAsync("proxies", "rank", "--proxy", proxy, "--format", "json", "--data", data);

        Assert.True(code == ExitCodes.Success, cli.Error);
        using var json = JsonDocument.Parse(cli.Output);
        Assert.Equal(proxy, json.RootElement.GetProperty("proxy").GetString());
        Assert.InRange(json.RootElement.GetProperty("ranking").GetProperty("kendall_tau").GetDouble(), low, high);
        Assert.Equal(200, json.RootElement.GetProperty("subnets").GetInt32());
    }
}
