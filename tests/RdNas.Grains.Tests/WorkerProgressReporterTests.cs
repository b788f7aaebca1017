using Microsoft.Extensions.DependencyInjection;
using RdNas.Abstractions.Experiments;
using RdNas.Grains.Storage;
using RdNas.Grains.Telemetry;
using RdNas.Grains.Training;

namespace RdNas.Grains.Tests;

public sealed class WorkerProgressReporterTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public void SearchProgress_StoresTheJournalEveryTenCellsButNotAtTheEnd()
    {
        var store = new CountingStore();
        var reports = new RecordingReports();
        using var run = new RdNasMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()).RunStarted("e", new ExperimentSpec());
        var reporter = new WorkerProgressReporter(reports, store, "e", "run-folder", attempt: 2, run, CancellationToken.None);
        reporter.OnDeviceResolved("cpu");

        var progress = reporter.SearchProgress(25);
        for (var cell = 1; cell <= 25; cell++)
        {
            progress.Report(cell);
        }

        // Cells 10 and 20 are stored; the last one needs no store of its own: the completed result carries the search.
        Assert.Equal(2, store.Saves);
        var last = reports.Last!;
        Assert.Equal((2, ExperimentPhase.Searching, 25), (last.Attempt, last.Phase, last.SearchedCells));
        Assert.Equal("searching: cell 25/25 scored", last.Message);
    }

    [Fact]
    public void EvaluationProgress_AfterAResume_ReportsTheJournaledSubnetsAndStoresTheJournalEveryTenSubnets()
    {
        var store = new CountingStore();
        var reports = new RecordingReports();
        using var run = new RdNasMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()).RunStarted("e", new ExperimentSpec());
        var reporter = new WorkerProgressReporter(reports, store, "e", "run-folder", attempt: 2, run, CancellationToken.None);
        reporter.OnDeviceResolved("cpu");

        reporter.OnEvaluationResumed(13, 35);
        var resumed = reports.Last!;
        for (var subnet = 14; subnet <= 35; subnet++)
        {
            reporter.OnEvaluationProgress(subnet, 35);
        }

        Assert.Equal((2, ExperimentPhase.Evaluating, 13, 35), (resumed.Attempt, resumed.Phase, resumed.EvaluatedSubnets, resumed.Subnets));
        Assert.Equal("evaluation resumed: 13/35 subnets scored before", resumed.Message);
        Assert.Equal(2, store.Saves); // after subnets 20 and 30; the result follows the last one
        Assert.Equal((ExperimentPhase.Evaluating, 35), (reports.Last!.Phase, reports.Last.EvaluatedSubnets));
    }

    [Fact]
    public void OnDeviceResolved_ReportsTheDeviceUnderTheWorkersAttempt()
    {
        var reports = new RecordingReports();
        using var run = new RdNasMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()).RunStarted("e", new ExperimentSpec());
        var reporter = new WorkerProgressReporter(reports, new CountingStore(), "e", "run-folder", attempt: 3, run, CancellationToken.None);

        reporter.OnDeviceResolved("cuda:1");

        Assert.Equal((3, "cuda:1"), reports.Device);
    }

    public void Dispose() => _services.Dispose();

    private sealed class CountingStore : ICheckpointStore
    {
        public int Saves { get; private set; }

        public Task SaveAsync(string experimentId, string runDirectory, CancellationToken cancellationToken)
        {
            Saves++;
            return Task.CompletedTask;
        }

        public Task<bool> RestoreAsync(string experimentId, string runDirectory, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<bool> DeleteAsync(string experimentId, CancellationToken cancellationToken) => Task.FromResult(false);

        public void ReleaseRunFolder(string runDirectory)
        {
        }

        public Task<CheckpointChunk?> ReadAsync(string experimentId, long offset, int count, string? version, CancellationToken cancellationToken) => Task.FromResult<CheckpointChunk?>(null);
    }

    private sealed class RecordingReports : IExperimentRunReports
    {
        public WorkerReport? Last { get; private set; }

        public Task ReportProgressAsync(WorkerReport report)
        {
            Last = report;
            return Task.CompletedTask;
        }

        public (int Attempt, string Device)? Device { get; private set; }

        public Task ReportDeviceAsync(int attempt, string device)
        {
            Device = (attempt, device);
            return Task.CompletedTask;
        }

        public Task ReportResumedAsync(int attempt, int completedEpochs) => Task.CompletedTask;

        public Task ReportCheckpointAsync(int attempt, int completedEpochs) => Task.CompletedTask;

        public Task ReportCompletedAsync(int attempt, ExperimentResult result) => Task.CompletedTask;

        public Task ReportFailedAsync(int attempt, string reason) => Task.CompletedTask;

        public Orleans.Runtime.GrainId GetGrainId() => throw new NotSupportedException();
    }
}
