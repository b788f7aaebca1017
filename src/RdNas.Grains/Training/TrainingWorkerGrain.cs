using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime.Placement;
using RdNas.Abstractions.Experiments;
using RdNas.Grains.Architectures;
using RdNas.Grains.Experiments;
using RdNas.Grains.Hosting;
using RdNas.Grains.Placement;
using RdNas.Grains.Storage;
using RdNas.Grains.Telemetry;
using RdNas.Nas;
using RdNas.Nas.Runs;

namespace RdNas.Grains.Training;

/// <summary>
/// Runs one experiment's training (and the search its spec may ask for after the evaluation) on a thread of its own
/// (never on the grain scheduler), on a silo that may train: restores the last stored checkpoint first, stores a
/// checkpoint every epoch, and reports progress and the result to the experiment grain.
/// </summary>
[AcceleratorPlacementFilter]
public sealed partial class TrainingWorkerGrain(
    IGrainFactory grains,
    ICheckpointStore checkpoints,
    IRunDirectories runDirectories,
    ExperimentPlanner planner,
    IOptions<RdNasPlatformOptions> options,
    ILocalSiloDetails silo,
    RdNasMetrics metrics,
    ILogger<TrainingWorkerGrain> logger) : Grain, ITrainingWorkerGrain, IDisposable
{
    private Task? _run;
    private CancellationTokenSource? _cancellation;
    private IGrainTimer? _ended;

    private string Id => this.GetPrimaryKeyString();

    async Task<string?> ITrainingWorkerGrain.StartAsync(ExperimentSpec spec, int attempt)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (RequestContext.Get(IPlacementDirector.PlacementHintKey) is SiloAddress slot && !slot.Equals(silo.SiloAddress))
        {
            // This activation (left from an earlier run, or made here by a caller whose cached address of the worker is
            // stale, which skips placement) answered for a slot elsewhere: starting here would train beyond this silo's
            // slots. Once no run of its own is winding down, it migrates to the slot's silo (migration places it with
            // this call's hint and updates the directory, so stale callers are forwarded there).
            if (_run is not { IsCompleted: false })
            {
                this.MigrateOnIdle();
            }

            return null;
        }

        if (_run is { IsCompleted: false })
        {
            return WorkerName;
        }

        var runDirectory = runDirectories.RunDirectoryOf(Id);
        Directory.CreateDirectory(runDirectory);
        // Its own stored checkpoint first (a worker taking over). A rescoring experiment starts from its source's, stored
        // at once as its own: a worker taking over, and a client fetching its run folder, find it under its id.
        var restored = await checkpoints.RestoreAsync(Id, runDirectory, CancellationToken.None);
        if (!restored && spec.RescoreOf is { } source && await checkpoints.RestoreAsync(source, runDirectory, CancellationToken.None))
        {
            await checkpoints.SaveAsync(Id, runDirectory, CancellationToken.None);
            restored = true;
        }
        LogStarting(logger, Id, attempt, runDirectory, restored);

        _cancellation = new CancellationTokenSource();
        var reports = grains.GetGrain<IExperimentRunReports>(Id);
        var runMetrics = metrics.RunStarted(Id, spec);
        WorkerProgressReporter reporter;
        TrainingRunSpec run;
        try
        {
            reporter = new WorkerProgressReporter(reports, checkpoints, Id, runDirectory, attempt, runMetrics, _cancellation.Token);
            var teacher = new ArchitectureTeacher(grains, options.Value.TeacherConcurrency, reporter.OnTeacherProgress);
            run = planner.Plan(spec, runDirectory, teacher.Gather);
        }
        catch
        {
            runMetrics.Dispose(); // a run that never starts must not leave a live series behind
            throw;
        }

        var token = _cancellation.Token;
        var id = Id;

        // Keep the activation while it trains: nothing calls a worker for hours but its watchdog. Once the run has
        // ended (and reported), go: an idle worker holds nothing, and a later start of the experiment (resumed, say)
        // belongs on the silo of the training slot it then holds (placed there afresh, or migrated there by
        // StartAsync when a caller's cached address brings it back here).
        DelayDeactivation(TimeSpan.FromDays(30));
        _ended ??= this.RegisterGrainTimer(
            _ =>
            {
                if (_run is { IsCompleted: true })
                {
                    DeactivateOnIdle();
                }

                return Task.CompletedTask;
            },
            new GrainTimerCreationOptions(options.Value.WatchdogInterval, options.Value.WatchdogInterval));
        // Not started with the token: a run cancelled before its thread starts still runs Execute, which sees the
        // cancellation at its first step and ends its metrics.
        _run = Task.Factory.StartNew(() => Execute(id, run, spec.Search, reporter, reports, attempt, runMetrics, token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return WorkerName;
    }

    Task<bool> ITrainingWorkerGrain.IsRunningAsync()
    {
        if (_run is { IsCompleted: true })
        {
            DeactivateOnIdle(); // the run has reported; nothing here is needed any more
        }

        return Task.FromResult(_run is { IsCompleted: false });
    }

    Task ITrainingWorkerGrain.CancelAsync()
    {
        _cancellation?.Cancel();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A silo shutting down stops its runs at the next step; the stored checkpoint lets another silo go on.
        _cancellation?.Cancel();
        if (_run is not null)
        {
            await _run.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Current);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _ended?.Dispose();
        _cancellation?.Dispose();
    }

    private string WorkerName => $"{silo.Name} ({silo.SiloAddress})";

    // Runs on the training thread: it may use injected services only, never the grain's own members (activation-bound).
    private void Execute(string experimentId, TrainingRunSpec run, ExperimentSearchSpec? search, WorkerProgressReporter reporter, IExperimentRunReports reports, int attempt, RunMetrics runMetrics, CancellationToken cancellationToken)
    {
        using var ending = runMetrics;
        try
        {
            var result = Nb201TrainingRun.Run(run, reporter, cancellationToken);
            var subnetsCsv = File.ReadAllText(Path.Combine(run.OutputDirectory, TrainingRunWriter.SubnetsFile));
            var ranking = result.Ranking;
            runMetrics.RankingMeasured(ranking.KendallTau);
            var (searchJson, searchTrace, searchedCells) = search is null
                ? (null, null, 0)
                : ExperimentSearchRunner.Run(run, search, reporter.SearchProgress(search.Budget), cancellationToken);

            // Only a completed experiment's scores go on the architectures: deleting it forgets them by its result.
            SupernetScores.RecordAsync(grains, experimentId, subnetsCsv, result.FinishedUtc).GetAwaiter().GetResult();
            reports.ReportCompletedAsync(attempt, new ExperimentResult(
                new ExperimentRanking(ranking.KendallTau, ranking.SpearmanRho, ranking.PearsonR, ranking.Cpr, ranking.PrecisionAtTop10),
                File.ReadAllText(Path.Combine(run.OutputDirectory, TrainingRunWriter.ResultFile)), subnetsCsv, searchJson, searchTrace, searchedCells)).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogCancelled(logger, experimentId);
        }
        catch (Exception e)
        {
            LogFailed(logger, e, experimentId);
            reports.ReportFailedAsync(attempt, UserMessage.Of(e)).GetAwaiter().GetResult();
        }
        finally
        {
            ReleaseRunFolder(experimentId, run.OutputDirectory);
        }
    }

    // After the run has reported: the durable checkpoint is in the store, and the next worker restores from there.
    private void ReleaseRunFolder(string experimentId, string runDirectory)
    {
        try
        {
            checkpoints.ReleaseRunFolder(runDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogRunFolderKept(logger, e, experimentId, runDirectory);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Experiment {ExperimentId}: worker attempt {Attempt} starts in {RunDirectory} (checkpoint restored: {Restored})")]
    private static partial void LogStarting(ILogger logger, string experimentId, int attempt, string runDirectory, bool restored);

    [LoggerMessage(Level = LogLevel.Information, Message = "Experiment {ExperimentId}: run cancelled")]
    private static partial void LogCancelled(ILogger logger, string experimentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment {ExperimentId}: its run folder {RunDirectory} could not be deleted after the run")]
    private static partial void LogRunFolderKept(ILogger logger, Exception exception, string experimentId, string runDirectory);

    [LoggerMessage(Level = LogLevel.Error, Message = "Experiment {ExperimentId}: run failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string experimentId);
}
