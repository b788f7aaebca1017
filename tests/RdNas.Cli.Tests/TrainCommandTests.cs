using System.Text.Json;
using RdNas.Nas.Runs;

namespace RdNas.Cli.Tests;

public sealed class TrainCommandTests
{
    [Fact]
    public async Task Train_NoDataFolder_SaysWhatIsNeeded()
    {
        using var cli = new CliRunner();
        var empty = Directory.CreateTempSubdirectory("rdnas-nodata").FullName;

        var code = await cli.RunAsync("train", "--preset", "smoke", "--data", empty, "--out", Path.Combine(empty, "run"));

        Assert.Equal(ExitCodes.DataMissing, code);
        Assert.Contains("nb201/nb201_all.csv", cli.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--preset", "huge", "unknown preset 'huge' (expected smoke, small, medium, paper)")]
    [InlineData("--sampler", "darts", "--sampler: unknown sampler 'darts' (expected spos, fairnas, sandwich, rdnas)")]
    [InlineData("--pair-sampler", "closest", "--pair-sampler: unknown pair sampler 'closest' (expected margin, hamming, random)")]
    [InlineData("--pair-threshold", "13", "--pair-threshold: the margin sampler's threshold must be from 0 to 12")]
    [InlineData("--teacher", "synflo", "--teacher: unknown proxy 'synflo' (expected one of")]
    [InlineData("--lambda", "cosine", "--lambda: cosine: expected sine, warmup or const:V")]
    [InlineData("--margin", "-1", "--margin:")]
    [InlineData("--epochs", "0", "--epochs: must be at least 1, got 0")]
    [InlineData("--head-dropout", "1", "--head-dropout: must be a probability in [0, 1), got 1")]
    [InlineData("--bn-statistics", "running", "--bn-statistics: unknown batch-norm statistics 'running' (expected recalibrated or valid-batch)")]
    [InlineData("--subnets", "5000", "--subnets: must be between 2 (a ranking needs a pair) and 4096 (the 4-op space), got 5000")]
    [InlineData("--space", "darts", "unknown search space 'darts' (expected nb201 or resnet48)")]
    [InlineData("--search", "annealing", "--search: unknown search strategy 'annealing' (expected evolution or random)")]
    [InlineData("--search-budget", "20", "--search-budget applies to a search: add --search evolution or --search random")]
    [InlineData("--search", "evolution", "--search-budget: the search budget must lie between 1 and the space's 4096 cells", "--search-budget", "0")]
    [InlineData("--search", "evolution", "--search-tournament: a tournament draws between 1 and the population's 10 members", "--search-tournament", "11")]
    [InlineData("--ground-truth", "cifar10_vaild", "no ground-truth column 'cifar10_vaild' in nb201/nb201_all.csv (columns: ")]
    [InlineData("--device", "gpu", "unknown device 'gpu': expected auto, cpu, cuda or cuda:N (N a device index from 0)")]
    [InlineData("--seeds", "2-1", "--seeds: '2-1' is an empty range (write the smaller seed first)")]
    [InlineData("--seeds", "0,1", "--seed and --seeds: give one (--seeds trains one run per seed)", "--seed", "1")]
    [InlineData("--sampler", "spos,rdnas", "--sampler: several methods train one run per method and seed: add --seeds (e.g. --seeds 0-2)")]
    [InlineData("--sampler", "spos,spos", "--sampler: 'spos' is named twice", "--seeds", "0")]
    [InlineData("--sampler", "spos,darts", "--sampler: unknown sampler 'darts' (expected spos, fairnas, sandwich, rdnas)", "--seeds", "0")]
    [InlineData("--device", "cpu", "--device applies to the embedded cluster; a running cluster's silos train on their own RdNas:TrainingDevice", "--cluster", "localhost")]
    public async Task Train_InvalidOption_FailsNamingItAndTheValidValues(string option, string value, string message, string? otherOption = null, string? otherValue = null)
    {
        using var cli = new CliRunner();
        string[] other = otherOption is null ? [] : [otherOption, otherValue!];

        var code = await cli.RunAsync(["train", option, value, .. other, "--out", "unused"]);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(message, cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter '", cli.Error, StringComparison.Ordinal); // no C# parameter name the user never saw
        Assert.False(Directory.Exists("unused"), "an invalid run must not create its output folder");
    }

    [Theory]
    [InlineData("--preset", "huge", "--preset: unknown preset 'huge'")]
    [InlineData("--lambda", "cosine", "--lambda: cosine: expected sine, warmup or const:V")]
    [InlineData("--batch-size", "5000", "--batch-size: 5000 is outside what a silo holds (1 to 1024")]
    public async Task Train_InvalidOptionAndNoData_NamesTheOptionFirst(string option, string value, string message)
    {
        using var cli = new CliRunner();
        var empty = Directory.CreateTempSubdirectory("rdnas-nodata").FullName;

        var code = await cli.RunAsync("train", "--sampler", "rdnas", option, value, "--data", empty, "--out", Path.Combine(empty, "run"));

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(message, cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("nb201_all.csv", cli.Error, StringComparison.Ordinal); // the data error, which would come next
    }

    [Theory]
    [InlineData("paper", true)]
    [InlineData("medium", false)]
    public async Task Train_GpuPresetOnTheCpu_IsSaidBeforeTheRun(string preset, bool warned)
    {
        using var cli = new CliRunner();
        var empty = Directory.CreateTempSubdirectory("rdnas-nodata").FullName;

        // The data folder is checked after the device: an empty one stops the command right after the warning.
        var code = await cli.RunAsync("train", "--preset", preset, "--out", Path.Combine(empty, "run"), "--data", empty);

        Assert.Equal(ExitCodes.DataMissing, code);
        Assert.Equal(warned, cli.Error.Contains($"rdnas: warning: preset {preset} is meant for a GPU and will train on the CPU", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Train_CudaInAProcessWithout_FailsBeforeTrainingSayingWhatToSet()
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("train", "--preset", "smoke", "--device", "cuda", "--out", "unused", "--data", CliRunner.RealDataFolder());

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("device cuda:0: CUDA is not available to this process", cli.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists("unused"));
    }

    [Fact]
    public async Task Train_OnAClusterIntoAnUnfinishedLocalRun_RefusedBeforeSubmitting()
    {
        var run = Directory.CreateTempSubdirectory("rdnas-unfinished-local").FullName;
        Directory.CreateDirectory(Path.Combine(run, "checkpoint"));
        using var cli = new CliRunner();

        var code = await cli.RunAsync("train", "--preset", "smoke", "--cluster", "localhost:1", "--out", run);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains($"--out: {run} holds the checkpoint of an unfinished run (rdnas train without --cluster resumes it there); choose another folder", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_SmokePresetOnRealData_WritesResultAndSubnetsThenResumes()
    {
        var data = CliRunner.RealDataFolder();
        var output = Directory.CreateTempSubdirectory("rdnas-smoke").FullName;
        using var cli = new CliRunner();

        var code = await cli.RunAsync("train", "--space", "nb201", "--sampler", "spos", "--preset", "smoke", "--seed", "3", "--out", output, "--data", data);

        Assert.True(code == ExitCodes.Success, cli.Error);
        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "result.json")));
        var root = result.RootElement;
        Assert.Equal("nb201", root.GetProperty("space").GetString());
        Assert.Equal("spos", root.GetProperty("sampler").GetString());
        Assert.Equal("smoke", root.GetProperty("preset").GetString());
        Assert.Equal(3, root.GetProperty("seed").GetInt64());
        Assert.Equal(1, root.GetProperty("epochs").GetInt32());
        Assert.Equal(10, root.GetProperty("subnets").GetInt32());
        Assert.True(root.GetProperty("train_seconds").GetDouble() > 0);
        Assert.Equal("cpu", root.GetProperty("device").GetString()); // auto, in a process without CUDA
        foreach (var metric in new[] { "kendall_tau", "spearman_rho", "pearson_r", "cpr", "precision_at_top10" })
        {
            Assert.InRange(root.GetProperty("ranking").GetProperty(metric).GetDouble(), -1, 1);
        }

        var lines = File.ReadAllLines(Path.Combine(output, "subnets.csv"));
        Assert.Equal("arch,supernet_accuracy,ground_truth,supernet_loss", lines[0]);
        Assert.Equal(11, lines.Length);
        Assert.Contains("Kendall τ", cli.Output, StringComparison.Ordinal);

        var curve = Assert.Single(root.GetProperty("training_curve").EnumerateArray());
        Assert.Equal(1, curve.GetProperty("epoch").GetInt32());
        Assert.InRange(curve.GetProperty("loss").GetDouble(), 0.1, 10);
        Assert.InRange(curve.GetProperty("train_accuracy").GetDouble(), 0, 1);
        Assert.Equal(0.025, curve.GetProperty("learning_rate").GetDouble(), 12); // the first epoch of the cosine schedule
        Assert.True(curve.GetProperty("seconds").GetDouble() > 0);
        Assert.Equal(curve.GetProperty("loss").GetDouble(), Assert.Single(RunRecord.Read(output).TrainingCurve).Loss);

        using var again = new CliRunner();
        Assert.Equal(ExitCodes.Success, await again.RunAsync("train", "--preset", "smoke", "--seed", "3", "--out", output, "--data", data, "--format", "json"));
        using var resumed = JsonDocument.Parse(again.Output);
        Assert.Equal(1, resumed.RootElement.GetProperty("resumed_from_epoch").GetInt32());
        Assert.Equal(root.GetProperty("ranking").GetProperty("kendall_tau").GetDouble(), resumed.RootElement.GetProperty("ranking").GetProperty("kendall_tau").GetDouble());
        // The resumed run trained nothing again; the curve comes from the journal its first part left.
        Assert.Equal(curve.GetProperty("loss").GetDouble(), Assert.Single(resumed.RootElement.GetProperty("training_curve").EnumerateArray()).GetProperty("loss").GetDouble());
    }

    [Fact]
    public async Task Train_Seeds_OneRunFolderPerSeedAndTheirMeanAndSpread()
    {
        var output = Directory.CreateTempSubdirectory("rdnas-seeds").FullName;
        string[] run = ["train", "--preset", "smoke", "--train-images", "256", "--subnets", "5", "--seeds", "0,2", "--out", output, "--data", CliRunner.RealDataFolder()];
        using var cli = new CliRunner();

        var code = await cli.RunAsync(run);

        Assert.True(code == ExitCodes.Success, cli.Error);
        var seeds = new[] { 0L, 2L }.Select(seed => RunRecord.Read(Path.Combine(output, $"s{seed}"))).ToList();
        Assert.Equal([0L, 2L], seeds.Select(r => r.Seed));
        Assert.NotEqual(seeds[0].Subnets.Select(s => s.SupernetAccuracy), seeds[1].Subnets.Select(s => s.SupernetAccuracy));
        Assert.Contains("mean ± sd", cli.Output, StringComparison.Ordinal);
        Assert.Contains("2 of 2 runs completed", cli.Output, StringComparison.Ordinal);

        using var again = new CliRunner(); // each folder's run resumes from its last checkpoint: nothing trains again
        Assert.Equal(ExitCodes.Success, await again.RunAsync([.. run, "--format", "json"]));
        using var summary = JsonDocument.Parse(again.Output);
        var runs = summary.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal([0L, 2L], runs.Select(r => r.GetProperty("seed").GetInt64()));
        Assert.All(runs, r => Assert.True(r.GetProperty("completed").GetBoolean()));
        Assert.Equal(seeds[0].Ranking.KendallTau, runs[0].GetProperty("ranking").GetProperty("kendall_tau").GetDouble());
        Assert.Equal(seeds.Average(r => r.Ranking.KendallTau), summary.RootElement.GetProperty("kendall_tau_mean").GetDouble(), 12);
        using var resumed = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "s2", "result.json")));
        Assert.Equal(1, resumed.RootElement.GetProperty("resumed_from_epoch").GetInt32());
    }

    [Fact]
    public async Task Train_TwoMethodsOverSeeds_EachAgainstTheFirstOnPairedSeeds()
    {
        var output = Directory.CreateTempSubdirectory("rdnas-methods").FullName;
        using var cli = new CliRunner();

        var code = await cli.RunAsync(
            "train", "--preset", "smoke", "--train-images", "256", "--subnets", "5", "--sampler", "spos,rdnas", "--seeds", "0-1", "--out", output,
            "--data", CliRunner.RealDataFolder(), "--teacher-cache", Path.Combine(output, "teachers"), "--format", "json");

        Assert.True(code == ExitCodes.Success, cli.Error);
        foreach (var (sampler, seed) in new[] { ("spos", 0L), ("spos", 1L), ("rdnas", 0L), ("rdnas", 1L) })
        {
            var run = RunRecord.Read(Path.Combine(output, sampler, $"s{seed}"));
            Assert.Equal((sampler, seed), (run.Sampler, run.Seed));
        }

        using var summary = JsonDocument.Parse(cli.Output);
        Assert.Equal(["spos", "rdnas", "spos", "rdnas"], summary.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("sampler").GetString()));
        var methods = summary.RootElement.GetProperty("methods").EnumerateArray().ToList();
        Assert.Equal(["spos", "rdnas flops/margin/sine"], methods.Select(m => m.GetProperty("method").GetString()));
        Assert.Equal(JsonValueKind.Null, methods[0].GetProperty("baseline").ValueKind);
        Assert.Equal("spos", methods[1].GetProperty("baseline").GetProperty("method").GetString());
        Assert.Equal([0L, 1L], methods[1].GetProperty("baseline").GetProperty("paired_seeds").EnumerateArray().Select(s => s.GetInt64()));

        using var text = new CliRunner(); // again, for people: the finished runs are read back, not trained again
        Assert.Equal(ExitCodes.Success, await text.RunAsync(
            "train", "--preset", "smoke", "--train-images", "256", "--subnets", "5", "--sampler", "spos,rdnas", "--seeds", "0-1", "--out", output,
            "--data", CliRunner.RealDataFolder(), "--teacher-cache", Path.Combine(output, "teachers")));
        Assert.Contains("τ − spos [95% CI], p", text.Output, StringComparison.Ordinal);
        Assert.Contains("4 of 4 runs completed", text.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_SeedsOneOfWhichFails_TheOthersCompleteAndTheFailureIsSaid()
    {
        var output = Directory.CreateTempSubdirectory("rdnas-seeds-failing").FullName;
        string[] common = ["train", "--preset", "smoke", "--train-images", "256", "--subnets", "5", "--data", CliRunner.RealDataFolder()];
        using var other = new CliRunner(); // s1 already holds another run, whose checkpoint seed 1 may not continue
        Assert.Equal(ExitCodes.Success, await other.RunAsync([.. common, "--seed", "5", "--out", Path.Combine(output, "s1")]));
        using var cli = new CliRunner();

        var code = await cli.RunAsync([.. common, "--seeds", "0-1", "--id", "failing", "--out", output]);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("1 of 2 runs completed", cli.Output, StringComparison.Ordinal);
        Assert.Contains("rdnas: experiment failing-s1 failed: ", cli.Error, StringComparison.Ordinal);
        Assert.Equal(0, RunRecord.Read(Path.Combine(output, "s0")).Seed);
        Assert.Equal(5, RunRecord.Read(Path.Combine(output, "s1")).Seed); // the other run's folder is left as it was
    }

    [Fact]
    public async Task Train_SubnetsAndSampleSeed_ScoreThatSampleAndRecordIt()
    {
        var output = Directory.CreateTempSubdirectory("rdnas-sample").FullName;
        using var cli = new CliRunner();

        var code = await cli.RunAsync("train", "--preset", "smoke", "--subnets", "5", "--sample-seed", "1", "--out", output, "--data", CliRunner.RealDataFolder());

        Assert.True(code == ExitCodes.Success, cli.Error);
        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "result.json")));
        Assert.Equal(5, result.RootElement.GetProperty("subnets").GetInt32());
        Assert.Equal(1, result.RootElement.GetProperty("evaluation").GetProperty("sample_seed").GetInt64());
        var expected = Nb201TrainingRun.EvaluationSample(TrainingPresets.Get("smoke").Evaluation with { Subnets = 5, SampleSeed = 1 }).Select(g => g.ToString());
        Assert.Equal(expected, File.ReadAllLines(Path.Combine(output, "subnets.csv")).Skip(1).Select(line => line.Split(',')[0]));
        Assert.NotEqual(expected, Nb201TrainingRun.EvaluationSample(TrainingPresets.Get("smoke").Evaluation with { Subnets = 5 }).Select(g => g.ToString()));

        using var another = new CliRunner();
        Assert.Equal(ExitCodes.Failure, await another.RunAsync("train", "--preset", "smoke", "--subnets", "5", "--sample-seed", "2", "--out", output, "--data", CliRunner.RealDataFolder()));
        Assert.Contains($"rdnas evaluate --run {output} --out ANOTHER_FOLDER", another.Error, StringComparison.Ordinal);
        Assert.Equal(expected, File.ReadAllLines(Path.Combine(output, "subnets.csv")).Skip(1).Select(line => line.Split(',')[0])); // kept
    }

    [Fact]
    public async Task Train_WithASearch_WritesTheSearchTheExperimentRanWithItsSupernet()
    {
        var data = CliRunner.RealDataFolder();
        var output = Directory.CreateTempSubdirectory("rdnas-smoke-search").FullName;
        using var cli = new CliRunner();

        var code = await cli.RunAsync("train", "--preset", "smoke", "--seed", "2", "--search", "random", "--search-budget", "5", "--search-seed", "4", "--out", output, "--data", data);

        Assert.True(code == ExitCodes.Success, cli.Error);
        using var search = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "search", "search.json")));
        var root = search.RootElement;
        Assert.Equal(("random", 5, 4L), (root.GetProperty("strategy").GetString(), root.GetProperty("evaluations").GetInt32(), root.GetProperty("seed").GetInt64()));
        Assert.Equal(6, File.ReadAllLines(Path.Combine(output, "search", "search_trace.csv")).Length);
        Assert.Equal(7, File.ReadAllLines(Path.Combine(output, "search", "scores.csv")).Length); // scorer line, header, 5 cells
        Assert.Contains($"found:          {root.GetProperty("best").GetProperty("arch").GetString()}", cli.Output, StringComparison.Ordinal);
        Assert.Contains("Kendall τ", cli.Output, StringComparison.Ordinal);

        // rdnas search over the same run folder, same strategy and seed, scores the same cells the same way.
        var alone = Path.Combine(output, "search-alone");
        using var search2 = new CliRunner();
        Assert.True(await search2.RunAsync("search", "--run", output, "--strategy", "random", "--budget", "5", "--seed", "4", "--out", alone, "--data", data) == ExitCodes.Success, search2.Error);
        static string[] Cells(string folder) => [.. File.ReadAllLines(Path.Combine(folder, "search_trace.csv")).Select(l => string.Join(',', l.Split(',')[..3]))];
        Assert.Equal(Cells(Path.Combine(output, "search")), Cells(alone));

        // Run again into the same folder (a new experiment id): the run resumes and the search reads every score back.
        using var again = new CliRunner();
        Assert.True(await again.RunAsync("train", "--preset", "smoke", "--seed", "2", "--search", "random", "--search-budget", "5", "--search-seed", "4", "--out", output, "--data", data, "--format", "json") == ExitCodes.Success, again.Error);
        using var resumed = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "search", "search.json")));
        Assert.Equal(5, resumed.RootElement.GetProperty("scores_recovered").GetInt32());
    }

    [Theory]
    [InlineData("fairnas")]
    [InlineData("sandwich")]
    [InlineData("rdnas")]
    public async Task Train_EverySamplerOnTheSmokePreset_WritesItsSettings(string sampler)
    {
        var data = CliRunner.RealDataFolder();
        var output = Directory.CreateTempSubdirectory("rdnas-smoke").FullName;
        var cache = Path.Combine(output, "teachers");
        using var cli = new CliRunner();

        var code = await cli.RunAsync("train", "--sampler", sampler, "--teacher", "ensemble:flops+params", "--lambda", "warmup", "--teacher-cache", cache,
            "--preset", "smoke", "--epochs", "2", "--head-dropout", "0.1", "--bn-statistics", "valid-batch", "--ground-truth", "cifar100_valid", "--out", output, "--data", data, "--format", "json");

        Assert.True(code == ExitCodes.Success, cli.Error);
        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "result.json")));
        var root = result.RootElement;
        Assert.Equal(sampler, root.GetProperty("sampler").GetString());
        Assert.Equal("cifar100_valid", root.GetProperty("ground_truth").GetString());
        Assert.Equal(0.1, root.GetProperty("supernet").GetProperty("head_dropout").GetDouble());
        Assert.Equal("valid_batch", root.GetProperty("evaluation").GetProperty("batch_norm").GetString());
        Assert.Equal(64, root.GetProperty("evaluation").GetProperty("batch_size").GetInt32()); // the reference code's scoring batch
        Assert.EndsWith(", BN from each valid batch of 64 against cifar100_valid", RunRecord.Read(output).Evaluation, StringComparison.Ordinal); // compared only with its like
        var groundTruth = RdNas.Nas.GroundTruth.Nb201GroundTruth.Load(RdNas.Nas.Data.DataDirectory.Resolve(data));
        var firstRow = File.ReadLines(Path.Combine(output, "subnets.csv")).Skip(1).First().Split(',');
        Assert.Equal(groundTruth.Lookup(RdNas.Nas.SearchSpaces.Nb201.Nb201Genotype.Parse(firstRow[0]), "cifar100_valid"), double.Parse(firstRow[2], System.Globalization.CultureInfo.InvariantCulture), 6);
        Assert.InRange(root.GetProperty("ranking").GetProperty("kendall_tau").GetDouble(), -1, 1);
        var history = root.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal([1, 2], history.Select(h => h.GetProperty("epoch").GetInt32()));
        Assert.Equal([1, 2], root.GetProperty("training_curve").EnumerateArray().Select(e => e.GetProperty("epoch").GetInt32()));
        Assert.Equal(root.GetProperty("ranking").GetProperty("kendall_tau").GetDouble(), history[^1].GetProperty("ranking").GetProperty("kendall_tau").GetDouble());
        Assert.Equal(root.GetProperty("space").GetString(), JsonDocument.Parse(cli.Output).RootElement.GetProperty("space").GetString()); // result.json on stdout

        // Progress for scripts: one JSON object a line on stderr, through every stage to completion.
        var progress = cli.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Contains(progress, p => p.GetProperty("phase").GetString() == "training" && p.GetProperty("epoch").GetInt32() == 1);
        Assert.All(progress.Where(p => p.TryGetProperty("loss", out _)), p => Assert.InRange(p.GetProperty("loss").GetDouble(), 0.01, 10));
        Assert.Contains(progress, p => p.GetProperty("phase").GetString() == "evaluating" && p.GetProperty("subnets").GetInt32() == 10);
        var last = progress[^1];
        Assert.Equal("completed", last.GetProperty("phase").GetString());
        Assert.Equal(10, last.GetProperty("subnets_scored").GetInt32());
        Assert.Equal(2, last.GetProperty("epoch").GetInt32());
        if (sampler == "rdnas")
        {
            Assert.Equal("ensemble:flops+params", root.GetProperty("teacher").GetString());
            Assert.Equal("margin", root.GetProperty("pair_sampler").GetString());
            Assert.Equal("warmup", root.GetProperty("lambda").GetString());
            Assert.True(File.Exists(Path.Combine(cache, "nb201-4op-ensemble_flops_params-seed0.csv")), "the teacher's scores are cached");
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, root.GetProperty("teacher").ValueKind);
            Assert.False(Directory.Exists(cache), "only RD-NAS needs a teacher");
        }
    }
}
