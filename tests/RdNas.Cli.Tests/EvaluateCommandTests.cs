using System.Text.Json;

namespace RdNas.Cli.Tests;

public sealed class EvaluateCommandTests
{
    [Fact]
    public async Task Evaluate_FinishedRunOnAnotherSample_WritesAFolderCompareReadsAsAnotherEvaluation()
    {
        var data = CliRunner.RealDataFolder();
        var run = Directory.CreateTempSubdirectory("rdnas-evaluate-run").FullName;
        var rescored = Path.Combine(Directory.CreateTempSubdirectory("rdnas-evaluate-out").FullName, "sample1");
        using (var train = new CliRunner())
        {
            Assert.True(await train.RunAsync("train", "--preset", "smoke", "--out", run, "--data", data) == ExitCodes.Success, train.Error);
        }

        using var cli = new CliRunner();
        var code = await cli.RunAsync("evaluate", "--run", run, "--subnets", "6", "--sample-seed", "1", "--out", rescored, "--data", data, "--format", "json");

        Assert.True(code == ExitCodes.Success, cli.Error);
        using var result = JsonDocument.Parse(cli.Output);
        Assert.Equal(6, result.RootElement.GetProperty("subnets").GetInt32());
        Assert.Equal(run, result.RootElement.GetProperty("rescored_from").GetString());
        Assert.Equal(7, File.ReadAllLines(Path.Combine(rescored, "subnets.csv")).Length);
        var progress = cli.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("{\"phase\":\"evaluating\",\"subnets_scored\":6,\"subnets\":6}", progress[^1]); // from_journal only after a resume
        Assert.Equal(6, progress.Length); // one line a tenth reached: subnets 1, 2, 3, 4, 5 and 6 of 6
        using var compare = new CliRunner();
        Assert.Equal(ExitCodes.Success, await compare.RunAsync("compare", run, rescored, "--plot", Path.Combine(rescored, "compare.png")));
        Assert.Contains("6 subnets (seed 1)", compare.Output, StringComparison.Ordinal);
        Assert.Contains("10 subnets (seed 0)", compare.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--subnets", "1", "--subnets: must be between 2 (a ranking needs a pair) and 4096 (the 4-op space), got 1")]
    [InlineData("--ground-truth", "cifar10_vaild", "no ground-truth column 'cifar10_vaild' in nb201/nb201_all.csv (columns: ")]
    [InlineData("--bn-statistics", "running", "--bn-statistics: unknown batch-norm statistics 'running' (expected recalibrated or valid-batch)")]
    public async Task Evaluate_InvalidOption_FailsNamingIt(string option, string value, string message)
    {
        var run = Directory.CreateTempSubdirectory("rdnas-evaluate-none").FullName;
        File.WriteAllText(Path.Combine(run, "result.json"), "{}");
        using var cli = new CliRunner();

        var code = await cli.RunAsync("evaluate", "--run", run, option, value, "--out", Path.Combine(run, "rescored"), "--data", CliRunner.RealDataFolder());

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(message, cli.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--subnets", "1", "--subnets: must be between 2")]
    [InlineData("--bn-statistics", "running", "--bn-statistics: unknown batch-norm statistics 'running'")]
    public async Task Evaluate_InvalidOptionAndNoData_NamesTheOptionFirst(string option, string value, string message)
    {
        var run = Directory.CreateTempSubdirectory("rdnas-evaluate-nodata").FullName;
        using var cli = new CliRunner();

        var code = await cli.RunAsync("evaluate", "--run", run, option, value, "--out", Path.Combine(run, "rescored"), "--data", Path.Combine(run, "no-data"));

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(message, cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("data folder", cli.Error, StringComparison.Ordinal); // the data error, which would come next
    }

    [Theory]
    [InlineData(new string[0], "name what to score: --run DIR (a run folder here) or --experiment ID (a completed experiment of --cluster)")]
    [InlineData(new[] { "--run", "r", "--experiment", "e" }, "name what to score: --run DIR")]
    [InlineData(new[] { "--run", "r", "--cluster", "localhost" }, "--cluster applies to --experiment; --run scores here")]
    [InlineData(new[] { "--run", "r", "--id", "x" }, "--id applies to --experiment; --run scores here")]
    [InlineData(new[] { "--experiment", "e", "--device", "cpu", "--cluster", "localhost" }, "--device applies to --run; a cluster's silos score with their own")]
    [InlineData(new[] { "--experiment", "e" }, "--experiment needs --cluster: the cluster that ran it")]
    public async Task Evaluate_RunAndExperimentOptionsMixed_RefusedSayingWhich(string[] options, string message)
    {
        var scratch = Directory.CreateTempSubdirectory("rdnas-evaluate-mixed").FullName;
        using var cli = new CliRunner();

        var code = await cli.RunAsync(["evaluate", .. options, "--out", Path.Combine(scratch, "out")]);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(message, cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_FolderThatIsNoFinishedRun_SaysWhatIsMissing()
    {
        var empty = Directory.CreateTempSubdirectory("rdnas-evaluate-empty").FullName;
        using var cli = new CliRunner();

        var code = await cli.RunAsync("evaluate", "--run", empty, "--out", Path.Combine(empty, "rescored"), "--data", CliRunner.RealDataFolder());

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"{empty}: no result.json (is it a finished run folder?)", cli.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(empty, "rescored")), "nothing is written for a run that cannot be scored");
    }
}
