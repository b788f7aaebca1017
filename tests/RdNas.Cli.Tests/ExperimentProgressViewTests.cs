using System.Text.Json;
using RdNas.Abstractions.Experiments;
using RdNas.Cli.Output;
using Spectre.Console;

namespace RdNas.Cli.Tests;

public sealed class ExperimentProgressViewTests
{
    [Theory]
    [InlineData(0, 5)]        // every message of the teacher stage, then the stages
    [InlineData(3_600, 3)]    // within the interval: the stages alone
    public async Task FollowAsync_Json_WritesAStageLineAndRepeatsMovingMessagesAtTheInterval(int intervalSeconds, int expectedLines)
    {
        var error = new StringWriter();
        var console = new CliConsole(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(new StringWriter()) }), error);
        ExperimentStatus[] statuses =
        [
            Status(ExperimentPhase.Training, "gathering teacher scores 1/4096"),
            Status(ExperimentPhase.Training, "gathering teacher scores 2048/4096"),
            Status(ExperimentPhase.Training, "gathering teacher scores 2048/4096"), // nothing moved: never repeated
            Status(ExperimentPhase.Training, "gathering teacher scores 4096/4096"),
            Status(ExperimentPhase.Training, "training epoch 2/2", completedEpochs: 1, step: 3),
            Status(ExperimentPhase.Training, "training epoch 2/2", completedEpochs: 1, step: 4), // same stage, next step
            Status(ExperimentPhase.Completed, "completed", completedEpochs: 2),
        ];

        var last = await ExperimentProgressView.FollowAsync(console, statuses.ToAsyncEnumerable(), showProgress: false, TestContext.Current.CancellationToken, TimeSpan.FromSeconds(intervalSeconds));

        Assert.Equal(ExperimentPhase.Completed, last.Phase);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(expectedLines, lines.Count);
        Assert.Equal("gathering teacher scores 1/4096", lines[0].GetProperty("message").GetString());
        var training = lines.Single(l => l.GetProperty("epoch").GetInt32() == 1);
        Assert.Equal(0.5, training.GetProperty("loss").GetDouble());
        Assert.Equal("cpu", training.GetProperty("device").GetString()); // known once the worker resolved it
        Assert.False(lines[0].TryGetProperty("device", out _)); // not yet known: left out, as every null field
        Assert.Equal("completed", lines[^1].GetProperty("phase").GetString());
    }

    private static ExperimentStatus Status(ExperimentPhase phase, string message, int completedEpochs = 0, int step = 0) =>
        new("e", phase, message, completedEpochs, 2, step, step > 0 ? 8 : 0, 0.5, 0.25, 0, 10, "silo", 1, null, DateTimeOffset.UnixEpoch, Device: step > 0 || phase == ExperimentPhase.Completed ? "cpu" : null);
}
