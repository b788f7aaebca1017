using RdNas.Abstractions.Experiments;
using RdNas.Client;

namespace RdNas.Grains.Tests;

[Collection(SingleSiloTests.Name)]
public sealed class ExperimentResumeTests(SingleSiloCluster fixture)
{
    private static readonly ExperimentSpec s_spec = new(Preset: "smoke", Epochs: 20, TrainImages: 256, Seed: 6);

    private RdNasClient Client => RdNasClient.Over(fixture.Cluster.Client);

    [Fact]
    public async Task Resume_CancelledMidRun_FinishesFromItsCheckpointAsAnUninterruptedRunDoes()
    {
        await Client.SubmitAsync(s_spec, "resume-cancelled");
        await PlacementTests.WaitForAsync(Client, "resume-cancelled", s => s.CompletedEpochs >= 2);
        var cancelled = await Client.CancelAsync("resume-cancelled");

        var resumed = await Client.ResumeAsync("resume-cancelled");
        var final = await PlacementTests.FinalAsync(Client, "resume-cancelled");
        await Client.SubmitAsync(s_spec, "resume-uninterrupted");
        var uninterrupted = await PlacementTests.FinalAsync(Client, "resume-uninterrupted");

        Assert.Equal(ExperimentPhase.Cancelled, cancelled.Phase);
        Assert.Equal(ExperimentPhase.Training, resumed.Phase);
        Assert.StartsWith("training restarted from the checkpoint of epoch ", resumed.Message, StringComparison.Ordinal);
        Assert.Equal(ExperimentPhase.Completed, final.Phase);
        Assert.Equal(ExperimentPhase.Completed, uninterrupted.Phase);
        Assert.True(final.Attempts >= 2, $"the worker was started {final.Attempts} time(s)");
        Assert.InRange(final.ResumedFromEpoch ?? -1, 2, 19);
        Assert.Equal((await Client.GetResultAsync("resume-uninterrupted"))!.SubnetsCsv, (await Client.GetResultAsync("resume-cancelled"))!.SubnetsCsv);
    }

    [Fact]
    public async Task Resume_CompletedOrUnknownExperiment_RefusedAndARunningOneLeftAlone()
    {
        await Client.SubmitAsync(new ExperimentSpec(Preset: "smoke", Epochs: 1, TrainImages: 128), "resume-completed");
        Assert.Equal(ExperimentPhase.Completed, (await PlacementTests.FinalAsync(Client, "resume-completed")).Phase);
        await Client.SubmitAsync(s_spec with { Seed = 7 }, "resume-running");
        await PlacementTests.WaitForAsync(Client, "resume-running", s => s.CompletedEpochs >= 1);

        var completed = await Assert.ThrowsAsync<InvalidOperationException>(() => Client.ResumeAsync("resume-completed"));
        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => Client.ResumeAsync("resume-nobody"));
        var running = await Client.ResumeAsync("resume-running");

        Assert.Contains("experiment 'resume-completed' has completed: there is nothing to resume", completed.Message, StringComparison.Ordinal);
        Assert.Contains("no experiment 'resume-nobody' on this cluster", unknown.Message, StringComparison.Ordinal);
        Assert.Equal((ExperimentPhase.Training, 1), (running.Phase, running.Attempts));
        Assert.Equal(ExperimentPhase.Cancelled, (await Client.CancelAsync("resume-running")).Phase);
    }
}
