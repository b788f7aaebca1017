using RdNas.Abstractions.Experiments;
using RdNas.Grains.Experiments;
using RdNas.Grains.Training;

namespace RdNas.Grains.Tests;

public sealed class ExperimentStatusComposerTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 29, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compose_ReportOfTheCurrentEpoch_GivesItsStepLossAndAccuracy()
    {
        var status = ExperimentStatusComposer.Compose("e", Stored(ExperimentPhase.Training, completedEpochs: 2), Report(epoch: 2, step: 5), s_now);

        Assert.Equal((2, 5, 8), (status.CompletedEpochs, status.Step, status.StepsPerEpoch));
        Assert.Equal((1.25, 0.5), (status.Loss, status.Accuracy));
    }

    [Theory]
    [InlineData(3, 2)] // between epochs: epoch 3 checkpointed, the last report is its final step
    [InlineData(25, 24)] // after the last epoch, before evaluation reports
    public void Compose_ReportOfAnEpochAlreadyCheckpointed_HasNoStepOfTheNextYet(int completedEpochs, int reportedEpoch)
    {
        var status = ExperimentStatusComposer.Compose("e", Stored(ExperimentPhase.Training, completedEpochs), Report(reportedEpoch, step: 8), s_now);

        Assert.Equal(0, status.Step);
        Assert.Equal(completedEpochs, status.CompletedEpochs);
        Assert.Equal(1.25, status.Loss); // the last epoch's, still worth showing
    }

    [Fact]
    public void Compose_FinishedExperiment_IgnoresTheLastReport()
    {
        var status = ExperimentStatusComposer.Compose("e", Stored(ExperimentPhase.Completed, completedEpochs: 25), Report(epoch: 24, step: 8), s_now);

        Assert.Equal(ExperimentPhase.Completed, status.Phase);
        Assert.Equal("stored", status.Message);
        Assert.Equal((0, 0, 200), (status.Step, status.StepsPerEpoch, status.EvaluatedSubnets));
        Assert.Equal(s_now, status.UpdatedUtc);
    }

    [Fact]
    public void Compose_SearchingAfterTheEvaluation_GivesCellsSearchedOfTheBudgetAndTheWholeEvaluation()
    {
        var stored = Stored(ExperimentPhase.Training, completedEpochs: 25);
        stored.Spec = new ExperimentSpec(Search: new ExperimentSearchSpec(Budget: 50));
        var report = new WorkerReport(1, ExperimentPhase.Searching, "searching: cell 7/50 scored", 0, 0, 0, 0, 0, 0, 0, 0, SearchedCells: 7);

        var searching = ExperimentStatusComposer.Compose("e", stored, report, s_now);
        stored.Phase = ExperimentPhase.Completed;
        stored.Result = new ExperimentResult(new ExperimentRanking(0.5, 0.6, 0.7, 0.8, 0.1), "{}", "arch\n", "{}", "trace", SearchedCells: 48);
        var completed = ExperimentStatusComposer.Compose("e", stored, report, s_now);

        Assert.Equal(ExperimentPhase.Searching, searching.Phase);
        Assert.Equal((200, 7, 50), (searching.EvaluatedSubnets, searching.SearchedCells, searching.SearchBudget));
        Assert.Equal((200, 48, 50), (completed.EvaluatedSubnets, completed.SearchedCells, completed.SearchBudget));
    }

    [Fact]
    public void Compose_CompletedSearchStoredWithoutItsCount_ReportsTheBudget()
    {
        var stored = Stored(ExperimentPhase.Completed, completedEpochs: 25);
        stored.Spec = new ExperimentSpec(Search: new ExperimentSearchSpec(Budget: 50));
        stored.Result = new ExperimentResult(new ExperimentRanking(0.5, 0.6, 0.7, 0.8, 0.1), "{}", "arch\n", "{}", "trace");

        var completed = ExperimentStatusComposer.Compose("e", stored, null, s_now);

        Assert.Equal((50, 50), (completed.SearchedCells, completed.SearchBudget));
    }

    [Fact]
    public void Compose_StoredDevice_IsReportedWithOrWithoutALiveReport()
    {
        var stored = Stored(ExperimentPhase.Training, completedEpochs: 2);
        stored.Device = "cuda:0";

        Assert.Equal("cuda:0", ExperimentStatusComposer.Compose("e", stored, Report(epoch: 2, step: 5), s_now).Device);
        Assert.Equal("cuda:0", ExperimentStatusComposer.Compose("e", stored, null, s_now).Device);
        Assert.Null(ExperimentStatusComposer.Compose("e", Stored(ExperimentPhase.Queued, completedEpochs: 0), null, s_now).Device);
    }

    [Fact]
    public void Compose_ExperimentWithoutASearch_HasNoSearchBudget()
    {
        var status = ExperimentStatusComposer.Compose("e", Stored(ExperimentPhase.Completed, completedEpochs: 25), null, s_now);

        Assert.Equal((0, 0), (status.SearchedCells, status.SearchBudget));
    }

    private static ExperimentState Stored(ExperimentPhase phase, int completedEpochs) =>
        new() { Phase = phase, Message = "stored", CompletedEpochs = completedEpochs, Epochs = 25, Subnets = 200, Attempts = 1 };

    private static WorkerReport Report(int epoch, int step) =>
        new(Attempt: 1, ExperimentPhase.Training, "training", epoch, Epochs: 25, step, StepsPerEpoch: 8, Loss: 1.25, Accuracy: 0.5, EvaluatedSubnets: 0, Subnets: 0);
}
