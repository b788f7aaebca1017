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

        var code = await cli.RunAsync("compare", spos, rdnas + "/", "--plot", plot);

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
    public async Task Compare_FolderWithoutResult_SaysWhichFolder()
    {
        var empty = Directory.CreateTempSubdirectory("rdnas-compare-empty").FullName;
        using var cli = new CliRunner();

        var code = await cli.RunAsync("compare", empty, "--plot", Path.Combine(empty, "x.png"));

        Assert.NotEqual(ExitCodes.Success, code);
        Assert.Contains($"{empty}: no result.json", cli.Error, StringComparison.Ordinal);
    }

    private static async Task<string> WriteRun(string parent, string name, string sampler, string? teacher, double tau, (int Epoch, double Tau)[] history)
    {
        var folder = Path.Combine(parent, name);
        Directory.CreateDirectory(folder);
        string Ranking(double t) => $$"""{ "kendall_tau": {{t}}, "spearman_rho": {{t + 0.1}}, "pearson_r": 0.5, "cpr": 0.7, "precision_at_top10": 0.2 }""";
        var teacherJson = teacher is null ? "null" : $"\"{teacher}\"";
        var entries = string.Join(",", history.Select(h => $$"""{ "epoch": {{h.Epoch}}, "subnets": 4, "valid_images": 100, "ranking": {{Ranking(h.Tau)}} }"""));
        await File.WriteAllTextAsync(Path.Combine(folder, "result.json"), $$"""
            { "space": "nb201", "sampler": "{{sampler}}", "teacher": {{teacherJson}}, "pair_sampler": null, "preset": "small", "seed": 0,
              "epochs": 20, "subnets": 4, "train_seconds": 60, "eval_seconds": 30, "ranking": {{Ranking(tau)}}, "history": [{{entries}}] }
            """, TestContext.Current.CancellationToken);
        await File.WriteAllLinesAsync(Path.Combine(folder, "subnets.csv"), ["arch,supernet_accuracy,ground_truth", "a,61,80", "b,62,85", "c,60,70", "d,63,90"], TestContext.Current.CancellationToken);
        return folder;
    }
}
