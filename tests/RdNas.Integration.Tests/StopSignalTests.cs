using System.Text.Json;
using RdNas.Cli;
using RdNas.Nas.Training;

namespace RdNas.Integration.Tests;

public sealed class StopSignalTests
{
    // SIGTERM rather than Ctrl-C's SIGINT: a shell starts background commands with SIGINT ignored, and a test run may be
    // one of them. The CLI handles both signals the same way.
    [Fact]
    public async Task Train_StopSignal_StopsKeepingTheCheckpoint_AndRunningAgainResumesFromIt()
    {
        var output = Directory.CreateTempSubdirectory("rdnas-stop").FullName;
        string[] train = ["train", "--space", "nb201", "--sampler", "spos", "--preset", "smoke", "--epochs", "20", "--out", output, "--format", "json"];
        var checkpoint = Path.Combine(output, "checkpoint");
        using var first = CliProcess.Start(train);

        await Wait.UntilAsync(() => TrainingCheckpoint.Exists(checkpoint) || first.HasExited, TimeSpan.FromMinutes(3), "the first epoch's checkpoint");
        Assert.False(first.HasExited, "the run ended before it could be stopped");
        await first.SignalAsync("TERM");

        var (code, _, error) = await first.FinishAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.Contains("SIGTERM: stopping", error, StringComparison.Ordinal);
        Assert.Contains("rdnas: cancelled", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "result.json")));
        var stoppedAt = TrainingCheckpoint.ReadState(checkpoint).CompletedEpochs;
        Assert.InRange(stoppedAt, 1, 19);

        // A hang guard, not a speed bar: the remaining epochs took over 3 minutes on the two cores beside two training runs.
        var (again, result, _) = await CliProcess.RunAsync(TimeSpan.FromMinutes(5), train);
        Assert.Equal(ExitCodes.Success, again);
        Assert.Equal(stoppedAt, JsonDocument.Parse(result).RootElement.GetProperty("resumed_from_epoch").GetInt32());
    }
}
