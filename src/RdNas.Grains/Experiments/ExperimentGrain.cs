using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RdNas.Abstractions.Experiments;
using RdNas.Grains.Hosting;
using RdNas.Grains.Placement;
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
    RdNasMetrics metrics,
    IOptions<RdNasPlatformOptions> options,
    ILogger<ExperimentGrain> logger) : Grain, IExperimentGrain, IExperimentRunReports, IRemindable
{
    private const string WatchdogReminder = "watchdog";

    /// <summary>Failed worker starts in a row (not counting unreachable silos) after which the experiment fails.</summary>
    public const int MaxStartFailures = 3;

    private WorkerReport? _progress;
    private ExperimentState _persisted = new();
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
        S.Spec = spec;
        S.SubmittedUtc = DateTimeOffset.UtcNow;
        S.Phase = ExperimentPhase.Queued;
        S.Message = "queued";
        S.Epochs = spec.Epochs ?? preset.Training.Epochs;
        S.Subnets = preset.Evaluation.Subnets;
        try
        {
            await PersistAsync();
        }
        catch
        {
            // Nothing was stored, so nothing was submitted: forgotten here too, a retry submits afresh.
            state.State = _persisted.Snapshot();
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

        await Worker.CancelAsync();
        await FinishAsync(ExperimentPhase.Cancelled, "cancelled on request");
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
            await PersistAsync();
        }
    }

    async Task IExperimentRunReports.ReportResumedAsync(int attempt, int completedEpochs)
    {
        if (attempt == S.Attempts && !IsFinal)
        {
            S.ResumedFromEpoch = completedEpochs;
            S.CompletedEpochs = completedEpochs;
            await PersistAsync();
        }
    }

    async Task IExperimentRunReports.ReportCheckpointAsync(int attempt, int completedEpochs)
    {
        if (attempt == S.Attempts && !IsFinal)
        {
            S.CompletedEpochs = completedEpochs;
            S.Phase = ExperimentPhase.Training;
            S.Message = $"epoch {completedEpochs}/{S.Epochs} checkpointed";
            await PersistAsync();
        }
    }

    async Task IExperimentRunReports.ReportCompletedAsync(int attempt, ExperimentResult result)
    {
        if (attempt == S.Attempts && !IsFinal)
        {
            S.Result = result;
            S.CompletedEpochs = S.Epochs;
            await FinishAsync(ExperimentPhase.Completed, $"completed: Kendall tau {result.Ranking.KendallTau:F4}");
        }
    }

    async Task IExperimentRunReports.ReportFailedAsync(int attempt, string reason)
    {
        if (attempt == S.Attempts && !IsFinal)
        {
            await FinishAsync(ExperimentPhase.Failed, reason);
        }
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        // The reminder's work is to bring this grain back after its silo was lost; activation restarts the watchdog.
        if (IsFinal)
        {
            await UnregisterReminderAsync();
        }
    }

    private bool IsFinal => ExperimentStatus.IsFinalPhase(S.Phase);

    private ITrainingWorkerGrain Worker => GrainFactory.GetGrain<ITrainingWorkerGrain>(Id);

    // The catalog entry, the reminder that brings this grain back after its silo is lost, and the watchdog: each is
    // idempotent, so a submission that failed part-way (catalog or reminder storage down) is completed by the next.
    private async Task ScheduleAsync()
    {
        await GrainFactory.GetGrain<IExperimentCatalogGrain>(IExperimentCatalogGrain.Key).AddAsync(new ExperimentSummary(Id, _persisted.Spec!, _persisted.SubmittedUtc));
        if (!IsFinal)
        {
            await this.RegisterOrUpdateReminder(WatchdogReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            StartWatchdog();
        }
    }

    private void StartWatchdog()
    {
        var interval = options.Value.WatchdogInterval;
        _watchdog ??= this.RegisterGrainTimer(WatchAsync, new GrainTimerCreationOptions(interval, interval) { KeepAlive = true });
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        if (IsFinal)
        {
            _watchdog?.Dispose();
            _watchdog = null;
            return;
        }

        try
        {
            if (S.Phase == ExperimentPhase.Queued || !await Worker.IsRunningAsync())
            {
                if (S.Phase != ExperimentPhase.Queued)
                {
                    LogWorkerLost(logger, Id, S.Worker, S.CompletedEpochs);
                }

                await StartWorkerAsync();
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A silo that died but is not yet declared dead times calls out; the next tick tries again.
            LogWatchdogFailed(logger, e, Id);
        }
    }

    private async Task StartWorkerAsync()
    {
        if (trainingSilos.EligibleNow().Count == 0)
        {
            var reason = trainingSilos.WaitingReason();
            if (S.Phase != ExperimentPhase.Queued || S.Message != reason)
            {
                S.Phase = ExperimentPhase.Queued;
                S.Message = reason;
                S.Worker = null;
                S.Device = null;
                await PersistAsync();
            }

            return;
        }

        S.Attempts++;
        _progress = null;
        S.Device = null; // until the new worker resolves its own: the next silo may have another device
        try
        {
            S.Worker = await Worker.StartAsync(S.Spec!, S.Attempts);
        }
        catch (Exception e) when (e is not (TimeoutException or OrleansException or Azure.RequestFailedException or OutOfMemoryException))
        {
            // The worker refused before its run began (a run folder it cannot create, a silo without the data...): no
            // start to count. Unreachable silos and storage are left to the watchdog's retries.
            S.Attempts--;
            await StartFailedAsync(e);
            return;
        }

        S.StartFailures = 0;
        metrics.WorkerStarted(resumed: S.Attempts > 1);
        S.Phase = ExperimentPhase.Training;
        S.Message = S.Attempts == 1 ? "training started" : $"training restarted from the checkpoint of epoch {S.CompletedEpochs}";
        await PersistAsync();
    }

    private async Task StartFailedAsync(Exception e)
    {
        S.StartFailures++;
        LogStartFailed(logger, e, Id, S.StartFailures);
        var reason = UserMessage.Of(e);
        if (S.StartFailures >= MaxStartFailures)
        {
            await FinishAsync(ExperimentPhase.Failed, $"no training worker could start ({S.StartFailures} tries): {reason}");
            return;
        }

        S.Phase = ExperimentPhase.Queued;
        S.Message = $"a training worker could not start (try {S.StartFailures} of {MaxStartFailures}; retrying): {reason}";
        S.Worker = null;
        await PersistAsync();
    }

    private async Task FinishAsync(ExperimentPhase phase, string message)
    {
        S.Phase = phase;
        S.Message = message;
        _progress = null;
        await PersistAsync();
        metrics.ExperimentFinished(phase);
        _watchdog?.Dispose();
        _watchdog = null;
        await UnregisterReminderAsync();
    }

    private async Task UnregisterReminderAsync()
    {
        if (await this.GetReminder(WatchdogReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    // Readers interleave with turns that change the state: they see it only once it is stored, so nothing a client
    // was told (such as "completed") can be lost with the silo.
    private async Task PersistAsync()
    {
        await state.WriteStateAsync();
        _persisted = S.Snapshot();
    }

    private ExperimentStatus Status() => ExperimentStatusComposer.Compose(Id, _persisted, _progress, DateTimeOffset.UtcNow);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment {ExperimentId}: worker on {Worker} is gone; restarting from the checkpoint of epoch {Epoch}")]
    private static partial void LogWorkerLost(ILogger logger, string experimentId, string? worker, int epoch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment {ExperimentId}: a training worker could not start (failure {Failures} in a row)")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string experimentId, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment {ExperimentId}: watchdog check failed; retrying at the next tick")]
    private static partial void LogWatchdogFailed(ILogger logger, Exception exception, string experimentId);
}
