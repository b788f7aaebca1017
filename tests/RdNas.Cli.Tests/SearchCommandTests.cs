using System.Globalization;
using System.Text.Json;
using RdNas.Nas.Data;
using RdNas.Nas.Runs;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Cli.Tests;

public sealed class SearchCommandTests
{
    [Fact]
    public async Task Search_WithAProxyOnRealData_WritesResultAndTraceThenResumesFromTheJournal()
    {
        var data = CliRunner.RealDataFolder();
        var output = Directory.CreateTempSubdirectory("rdnas-search").FullName;
        using var cli = new CliRunner();

        var code = await cli.RunAsync("search", "--proxy", "flops", "--budget", "30", "--seed", "2", "--out", output, "--data", data);

        Assert.True(code == ExitCodes.Success, cli.Error);
        Assert.Contains("evolution search, 30 cells scored by proxy flops", cli.Output, StringComparison.Ordinal);
        Assert.Contains("of 4096 by cifar10_valid", cli.Output, StringComparison.Ordinal);
        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "search.json")));
        var root = result.RootElement;
        Assert.Equal("evolution", root.GetProperty("strategy").GetString());
        Assert.Equal(30, root.GetProperty("evaluations").GetInt32());
        Assert.Equal(10, root.GetProperty("population").GetInt32());
        Assert.Equal("cifar10_test", root.GetProperty("test_column").GetString());
        Assert.InRange(root.GetProperty("selection_rank").GetInt32(), 1, 4096);
        var best = root.GetProperty("best");
        var spaceBest = root.GetProperty("space_best");
        Assert.InRange(best.GetProperty("selection_accuracy").GetDouble(), 10, spaceBest.GetProperty("selection_accuracy").GetDouble());
        Assert.Equal(spaceBest.GetProperty("test_accuracy").GetDouble() - best.GetProperty("test_accuracy").GetDouble(), root.GetProperty("test_regret").GetDouble(), 9);

        var trace = File.ReadAllLines(Path.Combine(output, "search_trace.csv"));
        Assert.Equal("order,arch,score,cifar10_valid,cifar10_test,incumbent_arch", trace[0]);
        Assert.Equal(31, trace.Length);
        Assert.EndsWith($",{best.GetProperty("arch").GetString()}", trace[^1], StringComparison.Ordinal);
        // FLOPs grow with every convolution, so the highest-scored cell has the most FLOPs of those scored.
        var scores = trace.Skip(1).Select(l => double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(scores.Max(), best.GetProperty("score").GetDouble());

        using var again = new CliRunner();
        Assert.Equal(ExitCodes.Success, await again.RunAsync("search", "--proxy", "flops", "--budget", "30", "--seed", "2", "--out", output, "--data", data, "--format", "json"));
        using var resumed = JsonDocument.Parse(again.Output);
        Assert.Equal(30, resumed.RootElement.GetProperty("scores_recovered").GetInt32());
        Assert.Equal(best.GetProperty("arch").GetString(), resumed.RootElement.GetProperty("best").GetProperty("arch").GetString());
    }

    [Fact]
    public async Task Search_WithASmokeRunsSupernet_ScoresCellsAsTheRunsEvaluationDid()
    {
        var data = CliRunner.RealDataFolder();
        var run = Directory.CreateTempSubdirectory("rdnas-search-run").FullName;
        var output = Directory.CreateTempSubdirectory("rdnas-search").FullName;
        using (var train = new CliRunner())
        {
            Assert.True(await train.RunAsync("train", "--preset", "smoke", "--seed", "1", "--out", run, "--data", data, "--format", "json") == ExitCodes.Success, train.Error);
        }

        using var cli = new CliRunner();
        var code = await cli.RunAsync("search", "--run", run, "--strategy", "random", "--budget", "4", "--out", output, "--data", data, "--format", "json");

        Assert.True(code == ExitCodes.Success, cli.Error);
        using var result = JsonDocument.Parse(cli.Output);
        Assert.Equal("random", result.RootElement.GetProperty("strategy").GetString());
        Assert.StartsWith("supernet ", result.RootElement.GetProperty("scorer").GetString(), StringComparison.Ordinal);
        Assert.Contains("(spos, C=4 N=1, epoch 1; split 0, recalibration 2x64, 256 valid images)", result.RootElement.GetProperty("scorer").GetString(), StringComparison.Ordinal);
        Assert.Equal(4, result.RootElement.GetProperty("evaluations").GetInt32());

        // The searched supernet scores a cell of the run's evaluation sample exactly as the run did.
        var evaluated = File.ReadAllLines(Path.Combine(run, "subnets.csv"))[1].Split(',');
        using var supernet = TrainedSupernet.Open(run, new DataDirectory(data));
        var accuracy = supernet.Accuracy(Nb201Genotype.Parse(evaluated[0]), TestContext.Current.CancellationToken);
        Assert.Equal(double.Parse(evaluated[1], CultureInfo.InvariantCulture), accuracy, 9);
    }

    [Theory]
    [InlineData("give either --run DIR (a trained supernet) or --proxy NAME")]
    [InlineData("give either --run DIR (a trained supernet) or --proxy NAME", "--proxy", "flops", "--run", "runs/x")]
    [InlineData("'ensemble:nwot+jacov' is an ensemble", "--proxy", "ensemble:nwot+jacov")]
    [InlineData("unknown search strategy 'annealing' (expected evolution or random)", "--proxy", "flops", "--strategy", "annealing")]
    [InlineData("the search budget must lie between 1 and the space's 4096 cells", "--proxy", "flops", "--budget", "0")]
    [InlineData("--device applies to --run (a supernet); proxies score on the CPU", "--proxy", "flops", "--device", "cpu")]
    [InlineData("the population must hold between 1 and the budget's 20 cells", "--proxy", "flops", "--budget", "20", "--population", "30")]
    [InlineData("no ground-truth column 'cifar10_vaild'", "--proxy", "flops", "--ground-truth", "cifar10_vaild")]
    public async Task Search_InvalidInput_FailsSayingWhy(string message, params string[] options)
    {
        var output = Directory.CreateTempSubdirectory("rdnas-search").FullName;
        using var cli = new CliRunner();

        var code = await cli.RunAsync(["search", .. options, "--out", output, "--data", CliRunner.RealDataFolder()]);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(message, cli.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown proxy 'flop'", "--proxy", "flop")]
    [InlineData("unknown search strategy 'annealing'", "--proxy", "flops", "--strategy", "annealing")]
    [InlineData("the search budget must lie between 1 and the space's 15625 cells", "--proxy", "flops", "--ops", "5", "--budget", "20000")]
    [InlineData("no result.json (is it a finished run folder?)", "--run", "no-such-run")]
    public async Task Search_InvalidOptionAndNoData_NamesTheOptionFirst(string message, params string[] options)
    {
        var output = Directory.CreateTempSubdirectory("rdnas-search-nodata").FullName;
        using var cli = new CliRunner();

        var code = await cli.RunAsync(["search", .. options, "--out", output, "--data", Path.Combine(output, "no-data")]);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(message, cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("data folder", cli.Error, StringComparison.Ordinal); // the data error, which would come next
    }

    [Fact]
    public async Task Search_RunFolderWithoutResult_SaysItIsNoFinishedRun()
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-search").FullName;
        using var cli = new CliRunner();

        var code = await cli.RunAsync("search", "--run", folder, "--out", Path.Combine(folder, "search"), "--data", CliRunner.RealDataFolder());

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("no result.json (is it a finished run folder?)", cli.Error, StringComparison.Ordinal);
    }
}
