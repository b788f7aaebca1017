using RdNas.Nas.Runs;
using RdNas.Nas.Supernets.Nb201;
using RdNas.Nas.Training;

namespace RdNas.Cli.Tests;

public sealed class CompareCommandTests
{
    [Fact]
    public async Task Compare_TwoRuns_PrintsTheTableAndWritesThePlot()
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-compare").FullName;
        var spos = await WriteRun(folder, "spos-s0", "spos", null, 0.41, [(10, 0.2), (20, 0.41)]);
        var rdnas = await WriteRun(folder, "rdnas-s0", "rdnas", "flops", 0.52, [(10, 0.3), (20, 0.52)]);
        var plot = Path.Combine(folder, "plots", "compare.png");
        using var cli = new CliRunner();

        var code = await cli.RunAsync("compare", spos, rdnas + "/", "--plot", plot, "--teacher-cache", folder);

        Assert.True(code == ExitCodes.Success, cli.Error);
        Assert.Contains("rdnas-s0", cli.Output, StringComparison.Ordinal); // named even when given with a trailing slash
        Assert.Contains("0.410", cli.Output, StringComparison.Ordinal);
        Assert.Contains("0.520", cli.Output, StringComparison.Ordinal);
        Assert.Contains("flops", cli.Output, StringComparison.Ordinal);
        var png = await File.ReadAllBytesAsync(plot, TestContext.Current.CancellationToken);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public async Task Compare_Json_GivesEachRunsTauInterval()
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-compare-json").FullName;
        var run = await WriteRun(folder, "spos-s0", "spos", null, 1.0, [(20, 1.0)]);
        using var cli = new CliRunner();

        var code = await cli.RunAsync("compare", run, "--plot", Path.Combine(folder, "c.png"), "--format", "json");

        Assert.True(code == ExitCodes.Success, cli.Error);
        using var json = System.Text.Json.JsonDocument.Parse(cli.Output);
        var interval = json.RootElement.GetProperty("runs")[0].GetProperty("kendall_tau_ci95");
        Assert.Equal([1.0, 1.0], interval.EnumerateArray().Select(v => v.GetDouble()));  // the written subnets agree perfectly
    }

    [Fact]
    public async Task Compare_OpBias_ShowsEachRunsOperationsAgainstTheGroundTruth()
    {
        // Skip-heavy cells rated best by the supernet, worst by the benchmark.
        string Cell(string first, string second) => $"|{first}~0|+|{second}~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";
        var (text, json) = await CompareOpBiasAsync(
            $"{Cell("nor_conv_3x3", "nor_conv_3x3")},60,90", $"{Cell("skip_connect", "nor_conv_3x3")},61,85", $"{Cell("skip_connect", "skip_connect")},62,80");

        Assert.Matches(@"spos-s0\s*│\s*skip_connect\s*│\s*\+1\.000\s*│\s*-1\.000\s*│\s*\+1\.000", text);
        Assert.Matches(@"spos-s0\s*│\s*nor_conv_3x3\s*│\s*-1\.000\s*│\s*\+1\.000\s*│\s*-1\.000", text);
        var biases = json.GetProperty("runs")[0].GetProperty("op_bias").EnumerateArray().ToList();
        Assert.Equal(["skip_connect", "nor_conv_3x3"], biases.Select(b => b.GetProperty("op").GetString()));
        Assert.Equal(-1.0, biases[0].GetProperty("ground_truth_r").GetDouble(), 12);
    }

    [Fact]
    public async Task Compare_WithoutOpBias_HasNoOperationTable()
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-compare-no-ops").FullName;
        var run = await WriteRun(folder, "spos-s0", "spos", null, 0.4, [(20, 0.4)]);
        using var cli = new CliRunner();

        var code = await cli.RunAsync("compare", run, "--plot", Path.Combine(folder, "c.png"), "--teacher-cache", folder);

        Assert.True(code == ExitCodes.Success, cli.Error);
        Assert.DoesNotContain("r(count, supernet)", cli.Output, StringComparison.Ordinal); // the default arch names ("a", ...) are not even cells
    }

    [Fact]
    public async Task Compare_OpBiasOfASupernetThatScoresEveryCellAlike_IsNullInJsonAndADashInText()
    {
        var (text, json) = await CompareOpBiasAsync(
            "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|,50,90",
            "|skip_connect~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|,50,85");

        Assert.Matches(@"skip_connect\s*│\s*—\s*│\s*-1\.000", text);
        var skip = json.GetProperty("runs")[0].GetProperty("op_bias")[0];
        Assert.Equal(System.Text.Json.JsonValueKind.Null, skip.GetProperty("supernet_r").ValueKind);
    }

    [Fact]
    public async Task Compare_OpBiasOverSubnetsThatAreNotCells_NamesTheRun()
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-compare-bad-ops").FullName;
        var run = await WriteRun(folder, "spos-s0", "spos", null, 0.4, [(20, 0.4)]);
        using var cli = new CliRunner();

        var code = await cli.RunAsync("compare", run, "--plot", Path.Combine(folder, "c.png"), "--teacher-cache", folder, "--op-bias");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.StartsWith($"rdnas: --op-bias: {run}: subnets.csv: invalid architecture 'a'", cli.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a-file/c.png", "--plot: cannot write to {folder}/a-file: {folder}/a-file is a file")]
    [InlineData("a-folder", "--plot: {folder}/a-folder is a folder, not a file")]
    public async Task Compare_PlotThatCannotBeWritten_IsRefusedNamingWhy(string plot, string message)
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-compare-plot").FullName;
        var run = await WriteRun(folder, "spos-s0", "spos", null, 0.4, [(20, 0.4)]);
        await File.WriteAllTextAsync(Path.Combine(folder, "a-file"), "in the way", TestContext.Current.CancellationToken);
        Directory.CreateDirectory(Path.Combine(folder, "a-folder"));
        using var cli = new CliRunner();

        var code = await cli.RunAsync("compare", run, "--plot", Path.Combine(folder, plot), "--teacher-cache", folder);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Equal($"rdnas: {message.Replace("{folder}", folder, StringComparison.Ordinal)}", cli.Error.Trim());
    }

    [Fact]
    public async Task Compare_SeedsOfTwoMethods_SummarisesEachOverItsSeedsAgainstTheBaseline()
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-compare-methods").FullName;
        const string warmup = """{ "sampler": "rdnas", "pair_sampler": "margin", "pair_threshold": null, "teacher": "flops", "margin": 0.1, "lambda": "warmup" }""";
        string[] runs =
        [
            await WriteRun(folder, "spos-s0", "spos", null, 0.4, [(20, 0.4)], seed: 0),
            await WriteRun(folder, "spos-s1", "spos", null, 0.2, [(20, 0.2)], seed: 1),
            await WriteRun(folder, "rdnas-s0", "rdnas", "flops", 0.5, [(20, 0.5)], seed: 0, method: warmup),
            await WriteRun(folder, "rdnas-s1", "rdnas", "flops", 0.4, [(20, 0.4)], seed: 1, method: warmup),
        ];
        using var cli = new CliRunner();

        var code = await cli.RunAsync(["compare", .. runs, "--plot", Path.Combine(folder, "c.png"), "--teacher-cache", folder, "--format", "json"]);

        Assert.True(code == ExitCodes.Success, cli.Error);
        using var json = System.Text.Json.JsonDocument.Parse(cli.Output);
        var methods = json.RootElement.GetProperty("methods");
        Assert.Equal(2, methods.GetArrayLength());
        Assert.Equal("spos", methods[0].GetProperty("method").GetString());
        Assert.Equal(0.3, methods[0].GetProperty("kendall_tau_mean").GetDouble(), 12);
        var rdnas = methods[1];
        Assert.Equal("rdnas flops/margin/warmup/m=0.1", rdnas.GetProperty("method").GetString());
        Assert.Equal(0.45 / 0.3, rdnas.GetProperty("baseline").GetProperty("tau_ratio").GetDouble(), 12);
        // Gains 0.1 and 0.2 on seeds 0 and 1: mean 0.15, t = 3 on one degree of freedom (Cauchy): p = 1 − 2·atan(3)/π.
        Assert.Equal(0.15, rdnas.GetProperty("baseline").GetProperty("tau_difference").GetDouble(), 12);
        Assert.Equal(1 - (2 * Math.Atan(3) / Math.PI), rdnas.GetProperty("baseline").GetProperty("paired_t_p").GetDouble(), 9);
        Assert.Equal(2, rdnas.GetProperty("baseline").GetProperty("tau_difference_ci95").GetArrayLength());
        using var text = new CliRunner(); // the interval's brackets are text, not Spectre markup
        Assert.Equal(ExitCodes.Success, await text.RunAsync(["compare", .. runs, "--plot", Path.Combine(folder, "c.png"), "--teacher-cache", folder]));
        Assert.All(["+0.150", "[-0.485,", "0.785],", "0.205"], part => Assert.Contains(part, text.Output, StringComparison.Ordinal)); // the cell may wrap
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rdnas.GetProperty("teacher_kendall_tau").ValueKind); // no teacher cached there
    }

    [Fact]
    public async Task Compare_WeightAveragedRuns_AreTheirOwnConfigurationAgainstTheLastWeights()
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-compare-swa").FullName;
        string[] runs =
        [
            await WriteRun(folder, "spos-s0", "spos", null, 0.4, [(20, 0.4)], seed: 0),
            await WriteRun(folder, "spos-s1", "spos", null, 0.2, [(20, 0.2)], seed: 1),
            await WriteRun(folder, "spos-swa-s0", "spos", null, 0.5, [(20, 0.5)], seed: 0, averageWeightsAfter: 15),
            await WriteRun(folder, "spos-swa-s1", "spos", null, 0.4, [(20, 0.4)], seed: 1, averageWeightsAfter: 15),
        ];
        using var cli = new CliRunner();

        var code = await cli.RunAsync(["compare", .. runs, "--plot", Path.Combine(folder, "c.png"), "--format", "json"]);

        Assert.True(code == ExitCodes.Success, cli.Error);
        using var json = System.Text.Json.JsonDocument.Parse(cli.Output);
        var methods = json.RootElement.GetProperty("methods");
        Assert.Equal(["spos", "spos +swa after 15"], methods.EnumerateArray().Select(m => m.GetProperty("method").GetString()));
        Assert.Equal(0.45 / 0.3, methods[1].GetProperty("baseline").GetProperty("tau_ratio").GetDouble(), 12);
    }

    [Fact]
    public async Task Compare_RunsWithHeadDropout_AreTheirOwnConfiguration()
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-compare-dropout").FullName;
        string[] runs =
        [
            await WriteRun(folder, "spos-s0", "spos", null, 0.4, [(20, 0.4)], seed: 0, headDropout: 0),
            await WriteRun(folder, "spos-dropout-s0", "spos", null, 0.5, [(20, 0.5)], seed: 0, headDropout: 0.1),
            await WriteRun(folder, "spos-dropout-swa-s0", "spos", null, 0.6, [(20, 0.6)], seed: 0, averageWeightsAfter: 15, headDropout: 0.1),
        ];
        using var cli = new CliRunner();

        var code = await cli.RunAsync(["compare", .. runs, "--plot", Path.Combine(folder, "c.png"), "--format", "json"]);

        Assert.True(code == ExitCodes.Success, cli.Error);
        using var json = System.Text.Json.JsonDocument.Parse(cli.Output);
        var methods = json.RootElement.GetProperty("methods");
        Assert.Equal(["spos", "spos +dropout 0.1", "spos +dropout 0.1 +swa after 15"], methods.EnumerateArray().Select(m => m.GetProperty("method").GetString()));
    }

    [Fact]
    public async Task Compare_BaselineNamingNoConfiguration_FailsNamingItAndTheMethodsThere()
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-compare-baseline").FullName;
        var run = await WriteRun(folder, "spos-s0", "spos", null, 0.4, [(20, 0.4)]);
        using var cli = new CliRunner();

        var code = await cli.RunAsync("compare", run, "--plot", Path.Combine(folder, "c.png"), "--teacher-cache", folder, "--baseline", "SPOS");

        Assert.NotEqual(ExitCodes.Success, code);
        Assert.Contains("--baseline: no configuration named 'SPOS' among the runs (methods: spos)", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_FolderWithoutResult_SaysWhichFolder()
    {
        var empty = Directory.CreateTempSubdirectory("rdnas-compare-empty").FullName;
        using var cli = new CliRunner();

        var code = await cli.RunAsync("compare", empty, "--plot", Path.Combine(empty, "x.png"));

        Assert.NotEqual(ExitCodes.Success, code);
        Assert.Contains($"{empty}: no result.json", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compare_UnfinishedRunBesideFinishedOnes_LeavesItOutWithAWarning()
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-compare-unfinished").FullName;
        var finished = await WriteRun(folder, "spos-s0", "spos", null, 0.4, [(20, 0.4)]);
        var unfinished = WriteCheckpointOnly(folder, "spos-s1", completedEpochs: 12, epochs: 75);
        using var cli = new CliRunner();

        var code = await cli.RunAsync("compare", finished, unfinished + "/", "--plot", Path.Combine(folder, "c.png"), "--teacher-cache", folder, "--format", "json");

        Assert.True(code == ExitCodes.Success, cli.Error);
        Assert.Contains($"warning: {unfinished}: unfinished run left out (12 of 75 epochs checkpointed, no result.json yet)", cli.Error, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(cli.Output);
        Assert.Equal(1, json.RootElement.GetProperty("runs").GetArrayLength());
        Assert.Equal(12, json.RootElement.GetProperty("unfinished")[0].GetProperty("completed_epochs").GetInt32());
    }

    [Fact]
    public async Task Compare_OnlyUnfinishedRuns_FailsSayingThereIsNothingToCompare()
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-compare-none").FullName;
        var unfinished = WriteCheckpointOnly(folder, "spos-s0", completedEpochs: 1, epochs: 25);
        using var cli = new CliRunner();

        var code = await cli.RunAsync("compare", unfinished, "--plot", Path.Combine(folder, "c.png"));

        Assert.NotEqual(ExitCodes.Success, code);
        Assert.Contains("no finished run among the folders given", cli.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "c.png")));
    }

    // compare --op-bias over one run whose subnets.csv holds these rows: the text output and the JSON output's root.
    private static async Task<(string Text, System.Text.Json.JsonElement Json)> CompareOpBiasAsync(params string[] subnetRows)
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-compare-ops").FullName;
        var run = await WriteRun(folder, "spos-s0", "spos", null, 0.0, [(20, 0.0)]);
        await File.WriteAllLinesAsync(Path.Combine(run, "subnets.csv"), ["arch,supernet_accuracy,ground_truth", .. subnetRows], TestContext.Current.CancellationToken);
        using var text = new CliRunner();
        using var json = new CliRunner();

        var textCode = await text.RunAsync("compare", run, "--plot", Path.Combine(folder, "c.png"), "--teacher-cache", folder, "--op-bias");
        var jsonCode = await json.RunAsync("compare", run, "--plot", Path.Combine(folder, "c.png"), "--teacher-cache", folder, "--op-bias", "--format", "json");

        Assert.True(textCode == ExitCodes.Success, text.Error);
        Assert.True(jsonCode == ExitCodes.Success, json.Error);
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);
        return (text.Output, document.RootElement.Clone());
    }

    // A run folder as a stopped `rdnas train` leaves it: a checkpoint's state file and no result.
    private static string WriteCheckpointOnly(string parent, string name, int completedEpochs, int epochs)
    {
        var checkpoint = Path.Combine(parent, name, TrainingRunSpec.CheckpointFolder);
        Directory.CreateDirectory(checkpoint);
        var state = new TrainingCheckpointState(completedEpochs, 60, new Nb201SupernetOptions(), new TrainingOptions(Epochs: epochs), "spos", [], []);
        File.WriteAllText(Path.Combine(checkpoint, "trainer.json"), System.Text.Json.JsonSerializer.Serialize(state));
        return Path.Combine(parent, name);
    }

    private static async Task<string> WriteRun(string parent, string name, string sampler, string? teacher, double tau, (int Epoch, double Tau)[] history, int seed = 0, string? method = null, int? averageWeightsAfter = null, double? headDropout = null)
    {
        var folder = Path.Combine(parent, name);
        Directory.CreateDirectory(folder);
        string Ranking(double t) => $$"""{ "kendall_tau": {{t}}, "spearman_rho": {{t + 0.1}}, "pearson_r": 0.5, "cpr": 0.7, "precision_at_top10": 0.2 }""";
        var teacherJson = teacher is null ? "null" : $"\"{teacher}\"";
        var entries = string.Join(",", history.Select(h => $$"""{ "epoch": {{h.Epoch}}, "subnets": 4, "valid_images": 100, "ranking": {{Ranking(h.Tau)}} }"""));
        await File.WriteAllTextAsync(Path.Combine(folder, "result.json"), $$"""
            { "space": "nb201", "sampler": "{{sampler}}", "teacher": {{teacherJson}}, "pair_sampler": null, "preset": "small", "seed": {{seed}},{{(method is null ? "" : $" \"method\": {method},")}}{{(averageWeightsAfter is null ? "" : $" \"training\": {{ \"average_weights_after\": {averageWeightsAfter} }},")}}{{(headDropout is null ? "" : $" \"supernet\": {{ \"op_count\": 4, \"head_dropout\": {headDropout} }},")}}
              "epochs": 20, "subnets": 4, "train_seconds": 60, "eval_seconds": 30, "ranking": {{Ranking(tau)}}, "history": [{{entries}}] }
            """, TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(folder, "subnets.csv"), ["arch,supernet_accuracy,ground_truth", "a,61,80", "b,62,85", "c,60,70", "d,63,90"], TestContext.Current.CancellationToken);
        return folder;
    }
}
