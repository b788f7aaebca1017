using System.Text.Json;
using RdNas.Abstractions.Experiments;
using RdNas.Cli.Output;
using Spectre.Console;

namespace RdNas.Cli.Tests;

public sealed class ExperimentsProgressViewTests
{
    [Fact]
    public async Task FollowAsync_Json_LinesOfEachExperimentTaggedWithItsLabelAndTheLastStatusOfEach()
    {
        var error = new StringWriter();
        var console = new CliConsole(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) }), error);
        (string, IAsyncEnumerable<ExperimentStatus>)[] experiments =
        [
            ("s0", new[] { Status("a", ExperimentPhase.Training, 0), Status("a", ExperimentPhase.Completed, 2) }.ToAsyncEnumerable()),
            ("s1", new[] { Status("b", ExperimentPhase.Queued, 0, "waiting for a training slot: 1 of 1 in use; next in the queue"), Status("b", ExperimentPhase.Failed, 1, "boom") }.ToAsyncEnumerable()),
        ];

        var finals = await ExperimentsProgressView.FollowAsync(console, experiments, showProgress: false, TestContext.Current.CancellationToken);

        Assert.Equal([ExperimentPhase.Completed, ExperimentPhase.Failed], finals.Select(f => f.Phase));
        Assert.Equal(["a", "b"], finals.Select(f => f.Id));
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(4, lines.Count);
        Assert.Equal(["queued", "failed"], lines.Where(l => l.GetProperty("experiment").GetString() == "s1").Select(l => l.GetProperty("phase").GetString()));
        Assert.Equal(["training", "completed"], lines.Where(l => l.GetProperty("experiment").GetString() == "s0").Select(l => l.GetProperty("phase").GetString()));
    }

    [Fact]
    public async Task FollowAsync_Bars_OneBarPerExperimentSayingItsStage()
    {
        var output = new StringWriter();
        var console = new CliConsole(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No }), new StringWriter());
        (string, IAsyncEnumerable<ExperimentStatus>)[] experiments =
        [
            ("s0", new[] { Status("a", ExperimentPhase.Evaluating, 2) with { EvaluatedSubnets = 4 } }.ToAsyncEnumerable()),
            ("s1", new[] { Status("b", ExperimentPhase.Queued, 0, "waiting for a training slot: 1 of 1 in use; next in the queue") }.ToAsyncEnumerable()),
        ];

        await ExperimentsProgressView.FollowAsync(console, experiments, showProgress: true, TestContext.Current.CancellationToken);

        Assert.Contains("s0: evaluate subnet 4/10 on cpu", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("s1: waiting for a training slot: 1 of 1 in use; next in the queue", output.ToString(), StringComparison.Ordinal);
    }

    private static ExperimentStatus Status(string id, ExperimentPhase phase, int completedEpochs, string message = "") =>
        new(id, phase, message, completedEpochs, 2, 0, 0, 0, 0, 0, 10, "silo", 1, null, DateTimeOffset.UnixEpoch, Device: phase == ExperimentPhase.Queued ? null : "cpu");
}
