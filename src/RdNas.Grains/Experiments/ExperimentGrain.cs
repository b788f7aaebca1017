using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RdNas.Abstractions.Experiments;
using RdNas.Grains.Hosting;
using RdNas.Grains.Placement;
using RdNas.Grains.Storage;
using RdNas.Grains.Telemetry;
using RdNas.Grains.Training;

namespace RdNas.Grains.Experiments;

/// <summary>
/// One experiment. Validates the spec, starts a worker on a silo that may train and watches it: a timer pings the
/// worker every <see cref="RdNasPlatformOptions.WatchdogInterval"/>, and a worker found idle (its silo died, so a new
/// activation answered) is started again and resumes from the stored checkpoint. A reminder reactivates this grain
/// when its own silo was the one lost.
/// </summary>
public sealed partial class ExperimentGrain(
    [PersistentState("experiment", GrainStorage.Name)] IPersistentState<ExperimentState> state,
    ExperimentPlanner planner,
    TrainingSilos trainingSilos,
    ICheckpointStore checkpoints,
    RdNasMetrics metrics,
    IOptions<RdNasPlatformOptions> options,
    ILogger<ExperimentGrain> logger) : Grain, IExperimentGrain, IExperimentRunReports, IRemindable
{
    private const string WatchdogReminder = "watchdog";

    /// <summary>Failed worker starts in a row (not counting unreachable silos) after which the experiment fails.</summary>
    public const int MaxStartFailures = 3;

    private WorkerReport? _progress;
    private ExperimentState _persisted = new();
    private bool _unsaved;
    private bool _waitingForSlot;
    private IGrainTimer? _watchdog;

    private string Id => this.GetPrimaryKeyString();

    private ExperimentState S => state.State;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _persisted = S.Snapshot();
        if (S.Spec is not null && !IsFinal)
        {
            StartWatchdog();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        WaitingForSlot(false); // the next activation counts its own wait
        return Task.CompletedTask;
    }

    async Task<ExperimentStatus> IExperimentGrain.SubmitAsync(ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (_persisted.Spec is { } submitted)
        {
            if (submitted != spec)
            {
                throw new InvalidExperimentSpecException("id", $"experiment '{Id}' already runs a different spec");
            }

            // Submitting the same spec again also completes a submission that failed after the spec was stored.
            await ScheduleAsync();
            return Status();
        }

        var preset = planner.Validate(spec);
        if (spec.RescoreOf is { } source)
        {
            await RequireRescorableAsync(spec, source);
        }

        S.Spec = spec;
        S.SubmittedUtc = DateTimeOffset.UtcNow;
        S.Phase = ExperimentPhase.Queued;
        S.Message = "queued";
        S.Epochs = spec.Epochs ?? preset.Training.Epochs;
        S.Subnets = spec.Subnets ?? preset.Evaluation.Subnets;
        try
        {
            await PersistAsync();
        }
        catch
        {
            // Nothing was stored, so nothing was submitted: forgotten here too, a retry submits afresh.
            state.State = _persisted.Snapshot();
            _unsaved = false;
            throw;
        }

        metrics.ExperimentSubmitted(spec);
        await ScheduleAsync();
        await StartWorkerAsync();
        return Status();
    }

    Task<ExperimentStatus> IExperimentGrain.GetStatusAsync() => Task.FromResult(Status());

    Task<ExperimentSpec?> IExperimentGrain.GetSpecAsync() => Task.FromResult(_persisted.Spec);

    Task<ExperimentResult?> IExperimentGrain.GetResultAsync() => Task.FromResult(_persisted.Result);

    async Task<ExperimentStatus> IExperimentGrain.CancelAsync()
    {
        if (S.Spec is null || IsFinal)
        {
            return Status();
        }

        if (S.Worker is not null && AnySiloMayTrain)
        {
            // Only a started worker has a run to stop, and only on a silo that may train: asking one that never
            // started, or whose silo is gone while no other may train, would place it, which fails.
            await Worker.CancelAsync();
        }

        await FinishAsync(ExperimentPhase.Cancelled, "cancelled on request");
        return Status();
    }

    async Task<ExperimentStatus> IExperimentGrain.ResumeAsync()
    {
        if (S.Spec is null)
        {
            throw new InvalidOperationException($"no experiment '{Id}' on this cluster");
        }

        if (S.Phase == ExperimentPhase.Completed)
        {
            throw new InvalidOperationException($"experiment '{Id}' has completed: there is nothing to resume");
        }

        if (!IsFinal)
        {
            return Status();
        }

        // The worker restores the stored checkpoint when it starts, as after a lost silo; a worker of the stopped run
        // still winding down keeps the new one from starting until the watchdog's next tick.
        S.Phase = ExperimentPhase.Queued;
        S.Message = "resumed on request";
        S.StartFailures = 0;
        await PersistAsync();
        await ScheduleAsync();
        await StartWorkerAsync();
        return Status();
    }

    Task IExperimentRunReports.ReportProgressAsync(WorkerReport report)
    {
        if (report.Attempt == S.Attempts && !IsFinal)
        {
            _progress = report;
        }

        return Task.CompletedTask;
    }

    async Task IExperimentRunReports.ReportDeviceAsync(int attempt, string device)
    {
        if (attempt == S.Attempts && !IsFinal)
        {
            S.Device = device;
            await StoreReportAsync(PersistAsync);
        }
    }

    async Task IExperimentRunReports.ReportResumedAsync(int attempt, int completedEpochs)
    {
        if (attempt == S.Attempts && !IsFinal)
        {
            S.ResumedFromEpoch = completedEpochs;
            S.CompletedEpochs = completedEpochs;
            await StoreReportAsync(PersistAsync);
        }
    }

    async Task IExperimentRunReports.ReportCheckpointAsync(int attempt, int completedEpochs)
    {
        if (attempt == S.Attempts && !IsFinal)
        {
            S.CompletedEpochs = completedEpochs;
            S.Phase = ExperimentPhase.Training;
            S.Message = $"epoch {completedEpochs}/{S.Epochs} checkpointed";
            await StoreReportAsync(PersistAsync);
        }
    }

    async Task IExperimentRunReports.ReportCompletedAsync(int attempt, ExperimentResult result)
    {
        if (attempt == S.Attempts && !IsFinal)
        {
            S.Result = result;
            S.CompletedEpochs = S.Epochs;
            await StoreReportAsync(() => FinishAsync(ExperimentPhase.Completed, $"completed: Kendall tau {result.Ranking.KendallTau:F4}"));
        }
    }

    async Task IExperimentRunReports.ReportFailedAsync(int attempt, string reason)
    {
        if (attempt == S.Attempts && !IsFinal)
        {
            await StoreReportAsync(() => FinishAsync(ExperimentPhase.Failed, reason));
        }
    }

    private bool IsFinal => ExperimentStatus.IsFinalPhase(S.Phase);

    // A worker's report must not fail its run because this grain's storage is down: the change stays in the grain
    // (PersistAsync) and the watchdog stores it. Anything else still reaches the worker.
    private async Task StoreReportAsync(Func<Task> store)
    {
        try
        {
            await store();
        }
        catch (Exception e) when (_unsaved && e is not OutOfMemoryException)
        {
            LogStoreDeferred(logger, e, Id, S.Phase);
        }
    }

    private ITrainingWorkerGrain Worker => GrainFactory.GetGrain<ITrainingWorkerGrain>(Id);

    private async Task FinishAsync(ExperimentPhase phase, string message)
    {
        S.Phase = phase;
        S.Message = message;
        _progress = null;
        await PersistAsync();
        await EndedAsync();
    }

    // Once the final state is stored (here, or by the watchdog after storage refused it): counted, watched no more.
    private async Task EndedAsync()
    {
        metrics.ExperimentFinished(S.Phase);
        await ReleaseSlotAsync();
        _watchdog?.Dispose();
        _watchdog = null;
        await UnregisterReminderAsync();
    }

    // Readers interleave with turns that change the state: they see it only once it is stored, so nothing a client
    // was told (such as "completed") can be lost with the silo. A change storage refuses stays in memory (later
    // reports must see it) and the watchdog stores it at its next tick.
    private async Task PersistAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            _unsaved = true;
            throw;
        }

        _unsaved = false;
        _persisted = S.Snapshot();
    }

    private ExperimentStatus Status() => ExperimentStatusComposer.Compose(Id, _persisted, _progress, DateTimeOffset.UtcNow);
}
