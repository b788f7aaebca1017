using RdNas.Abstractions.Experiments;
using RdNas.Client;
using RdNas.Silo;

namespace RdNas.Cli.Tests;

public sealed class ExperimentsCommandTests
{
    private const string Arch = "|nor_conv_3x3~0|+|nor_conv_3x3~0|skip_connect~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    [Fact]
    public async Task ExperimentsAndArch_OnARunningCluster_ListShowCancelAndDescribe()
    {
        var data = CliRunner.RealDataFolder();
        var scratch = Directory.CreateTempSubdirectory("rdnas-cli-cluster").FullName;
        var token = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(Path.Combine(scratch, "run"), data, Path.Combine(scratch, "teachers"), null, token);
        var client = RdNasClient.Over(cluster.Client);
        await client.SubmitAsync(new ExperimentSpec(Preset: "smoke", Epochs: 50, TrainImages: 512, AverageWeightsAfter: 40), "cli-listed"); // long enough to cancel running
        var at = $"localhost:{cluster.GatewayPort}";

        using var list = new CliRunner();
        Assert.Equal(ExitCodes.Success, await list.RunAsync("experiments", "list", "--cluster", at, "--format", "json"));
        using var table = new CliRunner();
        Assert.Equal(ExitCodes.Success, await table.RunAsync("experiments", "list", "--cluster", at));
        using var running = new CliRunner();
        Assert.Equal(ExitCodes.Success, await running.RunAsync("experiments", "list", "--phase", "running", "--last", "1", "--cluster", at));
        using var finished = new CliRunner();
        Assert.Equal(ExitCodes.Success, await finished.RunAsync("experiments", "list", "--phase", "completed,failed", "--cluster", at, "--format", "json"));
        using var show = new CliRunner();
        Assert.Equal(ExitCodes.Success, await show.RunAsync("experiments", "show", "cli-listed", "--cluster", at));
        using var rescoreRunning = new CliRunner();
        Assert.Equal(ExitCodes.InvalidInput, await rescoreRunning.RunAsync("evaluate", "--experiment", "cli-listed", "--cluster", at, "--out", Path.Combine(scratch, "rescored")));
        using var rescoreUnknown = new CliRunner();
        Assert.Equal(ExitCodes.InvalidInput, await rescoreUnknown.RunAsync("evaluate", "--experiment", "no-such-run", "--cluster", at, "--out", Path.Combine(scratch, "rescored")));
        using var cancel = new CliRunner();
        Assert.Equal(ExitCodes.Success, await cancel.RunAsync("experiments", "cancel", "cli-listed", "--cluster", at));
        using var resume = new CliRunner();
        Assert.Equal(ExitCodes.Success, await resume.RunAsync("experiments", "resume", "cli-listed", "--cluster", at));
        using var deleteRunning = new CliRunner();
        Assert.Equal(ExitCodes.Failure, await deleteRunning.RunAsync("experiments", "delete", "cli-listed", "--cluster", at));
        await client.CancelAsync("cli-listed");
        var stopped = (await client.GetStatusAsync("cli-listed")).Phase;
        using var delete = new CliRunner();
        Assert.Equal(ExitCodes.Success, await delete.RunAsync("experiments", "delete", "cli-listed", "--cluster", at));
        using var deleteUnknown = new CliRunner();
        Assert.Equal(ExitCodes.InvalidInput, await deleteUnknown.RunAsync("experiments", "delete", "cli-listed", "--cluster", at));
        using var unknown = new CliRunner();
        Assert.Equal(ExitCodes.InvalidInput, await unknown.RunAsync("experiments", "show", "no-such-run", "--cluster", at));
        using var resumeUnknown = new CliRunner();
        Assert.Equal(ExitCodes.InvalidInput, await resumeUnknown.RunAsync("experiments", "resume", "no-such-run", "--cluster", at));
        using var arch = new CliRunner();
        Assert.Equal(ExitCodes.Success, await arch.RunAsync("arch", "show", Arch, "--proxy", "flops", "--cluster", at));
        using var resnet = new CliRunner();
        Assert.Equal(ExitCodes.Success, await resnet.RunAsync("arch", "show", "--space", "resnet48", "1252233313000000223212122253130000000000006515000000", "--proxy", "flops,params", "--cluster", at));

        Assert.Contains("cli-listed", list.Output, StringComparison.Ordinal);
        Assert.Contains("\"phase\": \"training\"", list.Output, StringComparison.Ordinal);
        Assert.Contains("spos +swa after 40", table.Output, StringComparison.Ordinal);
        Assert.Contains("cli-listed", running.Output, StringComparison.Ordinal);
        Assert.Equal("[]", finished.Output.Trim());
        Assert.Contains("smoke", show.Output, StringComparison.Ordinal);
        Assert.Contains("mean of the epochs after 40", show.Output, StringComparison.Ordinal);
        Assert.Contains("--experiment: experiment 'cli-listed' is training: only a completed experiment's supernet is scored again", rescoreRunning.Error, StringComparison.Ordinal);
        Assert.Contains("--experiment: no experiment 'no-such-run' on this cluster", rescoreUnknown.Error, StringComparison.Ordinal);
        Assert.Contains("cli-listed: cancelled", cancel.Output, StringComparison.Ordinal);
        Assert.Equal(ExperimentPhase.Cancelled, stopped);
        Assert.Matches("^cli-listed: (training|queued) .*; rdnas experiments show cli-listed follows it", resume.Output);
        Assert.Contains("experiment 'cli-listed' is ", deleteRunning.Error, StringComparison.Ordinal);
        Assert.Contains("only a stopped experiment is deleted (rdnas experiments cancel cli-listed stops it)", deleteRunning.Error, StringComparison.Ordinal);
        Assert.Equal("cli-listed: deleted (its stored checkpoint, result, list entry and supernet scores on architectures; run folders fetched from it stay)\n", delete.Output.ReplaceLineEndings("\n"));
        Assert.Contains("no experiment 'cli-listed' on this cluster", deleteUnknown.Error, StringComparison.Ordinal);
        Assert.Contains("no experiment 'no-such-run'", unknown.Error, StringComparison.Ordinal);
        Assert.Contains("no experiment 'no-such-run'", resumeUnknown.Error, StringComparison.Ordinal);
        Assert.Contains("ground truth cifar10_valid", arch.Output, StringComparison.Ordinal);
        Assert.Contains("proxy flops", arch.Output, StringComparison.Ordinal);
        Assert.Contains("ground truth imagenet_standalone", resnet.Output, StringComparison.Ordinal);
        Assert.Contains("70.40", resnet.Output, StringComparison.Ordinal);
        Assert.Contains("proxy params", resnet.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExperimentsFetch_CompletedExperiment_WritesARunFolderThatEvaluateScoresAlike()
    {
        var data = CliRunner.RealDataFolder();
        var scratch = Directory.CreateTempSubdirectory("rdnas-cli-fetch").FullName;
        var token = TestContext.Current.CancellationToken;
        var run = Path.Combine(scratch, "run");
        var fetched = Path.Combine(scratch, "fetched");
        await using var cluster = await EmbeddedCluster.StartAsync(run, data, Path.Combine(scratch, "teachers"), null, token);
        var client = RdNasClient.Over(cluster.Client);
        await client.SubmitAsync(new ExperimentSpec(Preset: "smoke", Seed: 2), "cli-fetched");
        await foreach (var _ in client.WatchAsync("cli-fetched", TimeSpan.FromMilliseconds(200), token))
        {
        }

        var at = $"localhost:{cluster.GatewayPort}";

        using var fetch = new CliRunner();
        Assert.True(await fetch.RunAsync("experiments", "fetch", "cli-fetched", "--cluster", at, "--out", fetched) == ExitCodes.Success, fetch.Error);
        using var again = new CliRunner();
        Assert.True(await again.RunAsync("experiments", "fetch", "cli-fetched", "--cluster", at, "--out", fetched, "--format", "json") == ExitCodes.Success, again.Error);
        using var resumeCompleted = new CliRunner();
        Assert.Equal(ExitCodes.Failure, await resumeCompleted.RunAsync("experiments", "resume", "cli-fetched", "--cluster", at));
        using var evaluate = new CliRunner();
        var rescored = Path.Combine(scratch, "rescored");
        Assert.True(await evaluate.RunAsync("evaluate", "--run", fetched, "--out", rescored, "--data", data) == ExitCodes.Success, evaluate.Error);
        var other = Directory.CreateTempSubdirectory("rdnas-cli-fetch-other").FullName;
        File.WriteAllText(Path.Combine(other, "result.json"), "{ \"seed\": 7 }");
        using var refused = new CliRunner();
        var refusedCode = await refused.RunAsync("experiments", "fetch", "cli-fetched", "--cluster", at, "--out", other);

        Assert.Equal(File.ReadAllText(Path.Combine(run, "result.json")), File.ReadAllText(Path.Combine(fetched, "result.json")));
        foreach (var file in Directory.GetFiles(Path.Combine(run, "checkpoint"), "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(fetched, Path.GetRelativePath(run, file));
            Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(copy)), $"{copy} differs from {file}");
        }

        Assert.Contains("experiment", fetch.Output, StringComparison.Ordinal);
        Assert.Contains($"checkpoint and journals (", fetch.Output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(run, "result.json")).Trim(), again.Output.Trim());
        Assert.Contains("experiment 'cli-fetched' has completed: there is nothing to resume (rdnas experiments fetch cli-fetched --out DIR, then rdnas evaluate --run DIR, scores its supernet again)", resumeCompleted.Error, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(run, "subnets.csv")), File.ReadAllText(Path.Combine(rescored, "subnets.csv")));
        Assert.Equal(ExitCodes.InvalidInput, refusedCode);
        Assert.Contains($"--out: {other} holds another run (its result.json is not this experiment's); choose another folder", refused.Error, StringComparison.Ordinal);
        Assert.Equal("{ \"seed\": 7 }", File.ReadAllText(Path.Combine(other, "result.json")));
    }

    [Fact]
    public async Task ExperimentsFetch_CancelledExperiment_WritesItsCheckpointAndTheTrainLineThatContinuesIt()
    {
        var data = CliRunner.RealDataFolder();
        var scratch = Directory.CreateTempSubdirectory("rdnas-cli-fetch-cancelled").FullName;
        var token = TestContext.Current.CancellationToken;
        var fetched = Path.Combine(scratch, "fetched");
        using var whileTraining = new CliRunner();
        using var intoARun = new CliRunner();
        using var fetch = new CliRunner();
        await using (var cluster = await EmbeddedCluster.StartAsync(Path.Combine(scratch, "run"), data, Path.Combine(scratch, "teachers"), null, token))
        {
            var client = RdNasClient.Over(cluster.Client);
            var at = $"localhost:{cluster.GatewayPort}";
            await client.SubmitAsync(new ExperimentSpec(Preset: "smoke", Seed: 4, Epochs: 60, TrainImages: 128), "cli-stopped");
            await foreach (var status in client.WatchAsync("cli-stopped", TimeSpan.FromMilliseconds(100), token))
            {
                if (status.CompletedEpochs >= 2)
                {
                    break;
                }
            }

            Assert.Equal(ExitCodes.Failure, await whileTraining.RunAsync("experiments", "fetch", "cli-stopped", "--cluster", at, "--out", fetched));
            await client.CancelAsync("cli-stopped");
            var occupied = Directory.CreateTempSubdirectory("rdnas-cli-fetch-occupied").FullName;
            File.WriteAllText(Path.Combine(occupied, "result.json"), "{}");
            Assert.Equal(ExitCodes.InvalidInput, await intoARun.RunAsync("experiments", "fetch", "cli-stopped", "--cluster", at, "--out", occupied));
            Assert.Contains($"--out: {occupied} holds a run already; choose another folder", intoARun.Error, StringComparison.Ordinal);
            Assert.True(await fetch.RunAsync("experiments", "fetch", "cli-stopped", "--cluster", at, "--out", fetched) == ExitCodes.Success, fetch.Error);
        }

        var line = fetch.Output.Split('\n').Single(l => l.StartsWith("continue it on this machine with: rdnas train ", StringComparison.Ordinal));
        var arguments = line["continue it on this machine with: rdnas train ".Length..].Split(' ');
        using var resume = new CliRunner();
        var code = await resume.RunAsync(["train", .. arguments, "--data", data, "--format", "json"]);

        Assert.Contains("experiment 'cli-stopped' is ", whileTraining.Error, StringComparison.Ordinal); // training, or scoring its history
        Assert.Contains("its run folder can be fetched once it has stopped", whileTraining.Error, StringComparison.Ordinal);
        Assert.Matches(@"experiment cli-stopped cancelled after epoch \d+ of 60 \(cancelled on request\); its checkpoint is in ", fetch.Output);
        Assert.Equal(["--preset", "smoke", "--seed", "4", "--epochs", "60", "--train-images", "128", "--out", fetched], arguments);
        Assert.True(code == ExitCodes.Success, resume.Error);
        using var result = System.Text.Json.JsonDocument.Parse(resume.Output);
        Assert.InRange(result.RootElement.GetProperty("resumed_from_epoch").GetInt32(), 2, 59);
    }

    [Fact]
    public async Task ExperimentsFetch_ExperimentThatFailedBeforeItsFirstCheckpoint_SaysThereIsNothingToFetch()
    {
        var scratch = Directory.CreateTempSubdirectory("rdnas-cli-fetch-failed").FullName;
        var token = TestContext.Current.CancellationToken;
        await using var cluster = await EmbeddedCluster.StartAsync(Path.Combine(scratch, "run"), CliRunner.RealDataFolder(), Path.Combine(scratch, "teachers"), null, token);
        var client = RdNasClient.Over(cluster.Client);
        await client.SubmitAsync(new ExperimentSpec(Preset: "smoke", GroundTruth: "cifar10_vaild"), "cli-failed");
        await foreach (var _ in client.WatchAsync("cli-failed", TimeSpan.FromMilliseconds(100), token))
        {
        }

        using var fetch = new CliRunner();
        var code = await fetch.RunAsync("experiments", "fetch", "cli-failed", "--cluster", $"localhost:{cluster.GatewayPort}", "--out", Path.Combine(scratch, "fetched"));

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains("experiment 'cli-failed' failed (no ground-truth column 'cifar10_vaild'", fetch.Error, StringComparison.Ordinal);
        Assert.Contains("before it stored a checkpoint: there is nothing to fetch", fetch.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nowhere")]
    [InlineData("localhost:99999")]
    [InlineData("azure:no-connection-string")]
    public async Task ClusterOption_Malformed_SaysWhichFormsExist(string cluster)
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("experiments", "list", "--cluster", cluster);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("expected localhost[:GATEWAY_PORT] or azure:CLUSTER_ID@CONNECTION_STRING", cli.Error.Replace("expected azure:CLUSTER_ID@CONNECTION_STRING", "expected localhost[:GATEWAY_PORT] or azure:CLUSTER_ID@CONNECTION_STRING", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(cluster, cli.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--phase", "done", "--phase: unknown phase 'done' (expected queued, training, evaluating, searching, completed, failed, cancelled or running)")]
    [InlineData("--phase", "1", "--phase: unknown phase '1'")]
    [InlineData("--last", "0", "--last: must be at least 1, got 0")]
    public async Task ExperimentsList_BadFilter_RefusedBeforeConnecting(string option, string value, string message)
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("experiments", "list", option, value, "--cluster", "localhost:1");

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains(message, cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClusterOption_NoSiloListening_FailsSayingTheClusterIsUnreachable()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop(); // a port that was free a moment ago: nothing answers there
        using var cli = new CliRunner();

        var code = await cli.RunAsync("experiments", "list", "--cluster", $"localhost:{port}");

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Contains($"could not reach the cluster at localhost:{port}", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArchShow_InvalidArchitecture_FailsWithTheParsersError()
    {
        var data = CliRunner.RealDataFolder();
        using var cli = new CliRunner();

        var code = await cli.RunAsync("arch", "show", "|conv5x5~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|", "--data", data);

        Assert.Equal(ExitCodes.InvalidInput, code);
        Assert.Contains("unknown op 'conv5x5'", cli.Error, StringComparison.Ordinal);
    }
}
