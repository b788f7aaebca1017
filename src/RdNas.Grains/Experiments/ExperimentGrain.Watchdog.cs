using Microsoft.Extensions.Logging;
using Orleans.Runtime.Placement;
using RdNas.Abstractions.Experiments;
using RdNas.Grains.Scheduling;
using RdNas.Grains.Training;
using RdNas.Nas;

namespace RdNas.Grains.Experiments;

// The watchdog half of the experiment grain: its schedule (catalog entry, reminder, timer), its ticks, and starting
// workers with the count of refused starts.
public sealed partial class ExperimentGrain
{
    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        // The reminder's work is to bring this grain back after its silo was lost; activation restarts the watchdog.
        if (IsFinal && !_unsaved)
        {
            await UnregisterReminderAsync();
        }
    }

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
        try
        {
            if (_unsaved)
            {
                // A change storage refused (clients still see the stored state), the end of the run among them.
                await PersistAsync();
                if (IsFinal)
                {
                    await EndedAsync();
                    return;
                }
            }

            if (IsFinal)
            {
                _watchdog?.Dispose();
                _watchdog = null;
                return;
            }

            if (S.Phase == ExperimentPhase.Queued || !await WorkerRunsAsync())
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
            // A silo that died but is not yet declared dead times calls out, storage may be down; the next tick tries again.
            LogWatchdogFailed(logger, e, Id);
        }
    }

    // Workers are placed only on silos that may train, so with none of them active the worker went with its silo;
    // asking it would try to place it and fail, leaving the experiment "training" on a silo that is gone.
    private async Task<bool> WorkerRunsAsync() => AnySiloMayTrain && await Worker.IsRunningAsync();

    private bool AnySiloMayTrain => trainingSilos.EligibleNow().Count > 0;

    private async Task StartWorkerAsync()
    {
        if (!AnySiloMayTrain)
        {
            WaitingForSlot(false); // it waits for a silo now, not for a slot
            await QueueAsync(trainingSilos.WaitingReason());
            return;
        }

        if (await RequestSlotAsync() is not { } slot)
        {
            return;
        }

        S.Attempts++;
        _progress = null;
        S.Device = null; // until the new worker resolves its own: the next silo may have another device
        try
        {
            // A new worker activation goes to the silo whose slot this experiment holds (Orleans' placement hint).
            RequestContext.Set(IPlacementDirector.PlacementHintKey, slot);
            S.Worker = await Worker.StartAsync(S.Spec!, S.Attempts);
            if (S.Worker is null)
            {
                // An earlier run's activation on another silo answered: not a start, and not a failure to count.
                S.Attempts--;
                await QueueAsync("waiting for the worker of an earlier run to leave another silo; it then starts on the silo of its training slot");
                return;
            }
        }
        catch (Exception e) when (!IsUnreachable(e) && e is not OutOfMemoryException)
        {
            // The worker refused before its run began (a run folder it cannot create, a silo without the data...): no
            // start to count. Unreachable silos and storage are left to the watchdog's retries.
            S.Attempts--;
            await ReleaseSlotAsync();
            await StartFailedAsync(e);
            return;
        }
        finally
        {
            RequestContext.Remove(IPlacementDirector.PlacementHintKey);
        }

        S.StartFailures = 0;
        metrics.WorkerStarted(resumed: S.Attempts > 1);
        S.Phase = ExperimentPhase.Training;
        S.Message = S.Attempts == 1 ? "training started" : $"training restarted from the checkpoint of epoch {S.CompletedEpochs}";
        await PersistAsync();
    }

    // The silo of the training slot this experiment holds, or null with the experiment queued saying why it waits.
    // The ledger unreachable (its storage down, its silo lost) leaves it queued too: the watchdog asks again.
    private async Task<SiloAddress?> RequestSlotAsync()
    {
        string reason;
        try
        {
            var decision = await Slots.RequestAsync(Id, S.SubmittedUtc);
            WaitingForSlot(!decision.Granted);
            if (decision.Granted)
            {
                return SiloAddress.FromParsableString(decision.Silo!);
            }

            reason = decision.WaitingReason();
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            LogSlotRequestFailed(logger, e, Id);
            reason = $"waiting for the training-slot ledger (retrying): {e.GetBaseException().Message}"; // not the wrapper's stack
        }

        await QueueAsync(reason);
        return null;
    }

    // Back in the queue saying why; stored only when something a client sees has changed (a waiting experiment asks
    // again every tick).
    private async Task QueueAsync(string reason)
    {
        if (S.Phase == ExperimentPhase.Queued && S.Message == reason && S.Worker is null && S.Device is null)
        {
            return;
        }

        S.Phase = ExperimentPhase.Queued;
        S.Message = reason;
        S.Worker = null;
        S.Device = null;
        await PersistAsync();
    }

    // A silo or storage that did not answer: the watchdog tries again, without counting it against the experiment.
    private static bool IsUnreachable(Exception e) => e is TimeoutException or OrleansException or Azure.RequestFailedException;

    // Counted once per wait, on this silo, for the metric of experiments waiting for a slot.
    private void WaitingForSlot(bool waiting)
    {
        if (_waitingForSlot != waiting)
        {
            _waitingForSlot = waiting;
            metrics.WaitingForSlot(waiting);
        }
    }

    // Best effort: a slot whose release is lost is reclaimed by the ledger once someone waits for it.
    private async Task ReleaseSlotAsync()
    {
        WaitingForSlot(false);
        try
        {
            await Slots.ReleaseAsync(Id);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogSlotReleaseFailed(logger, e, Id);
        }
    }

    private ITrainingSlotsGrain Slots => GrainFactory.GetGrain<ITrainingSlotsGrain>(ITrainingSlotsGrain.Key);

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

        await QueueAsync($"a training worker could not start (try {S.StartFailures} of {MaxStartFailures}; retrying): {reason}");
    }

    private async Task UnregisterReminderAsync()
    {
        if (await this.GetReminder(WatchdogReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment {ExperimentId}: worker on {Worker} is gone; its run goes on from the checkpoint of epoch {Epoch} once a silo may train")]
    private static partial void LogWorkerLost(ILogger logger, string experimentId, string? worker, int epoch);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment {ExperimentId}: a training worker could not start (failure {Failures} in a row)")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string experimentId, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment {ExperimentId}: the training-slot ledger did not answer; asking again at the next tick")]
    private static partial void LogSlotRequestFailed(ILogger logger, Exception exception, string experimentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment {ExperimentId}: its training slot could not be given back now; the ledger reclaims it")]
    private static partial void LogSlotReleaseFailed(ILogger logger, Exception exception, string experimentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment {ExperimentId}: watchdog check failed; retrying at the next tick")]
    private static partial void LogWatchdogFailed(ILogger logger, Exception exception, string experimentId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment {ExperimentId}: storage refused a worker's report ({Phase}); the watchdog stores it at its next tick")]
    private static partial void LogStoreDeferred(ILogger logger, Exception exception, string experimentId, ExperimentPhase phase);
}
