using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RdNas.Abstractions.Experiments;
using RdNas.Grains.Hosting;
using RdNas.Grains.Placement;

namespace RdNas.Grains.Scheduling;

/// <summary>
/// The ledger of training slots (<see cref="TrainingSlotLedger"/>), with its leases persisted so that a ledger moved
/// to another silo does not hand out slots that are taken. A lease whose experiment has stopped (its release was lost
/// with a silo or refused by storage) is reclaimed when someone waits: the ledger asks the holders, at most once
/// every few watchdog ticks, and frees the slots of those that are stopped or unknown.
/// </summary>
public sealed partial class TrainingSlotsGrain(
    [PersistentState("training-slots", GrainStorage.Name)] IPersistentState<TrainingSlotsState> state,
    TrainingSilos trainingSilos,
    IOptions<RdNasPlatformOptions> options,
    ILogger<TrainingSlotsGrain> logger) : Grain, ITrainingSlotsGrain
{
    private TrainingSlotLedger? _ledger;
    private DateTimeOffset _lastAudit = DateTimeOffset.MinValue;

    private TimeSpan StaleAfter => options.Value.WatchdogInterval * 3;

    private TrainingSlotLedger Ledger => _ledger ??= new TrainingSlotLedger(state.State.Leases, StaleAfter);

    async Task<SlotDecision> ITrainingSlotsGrain.RequestAsync(string experimentId, DateTimeOffset submittedUtc)
    {
        ArgumentException.ThrowIfNullOrEmpty(experimentId);
        var now = DateTimeOffset.UtcNow;
        var decision = await ChangeAsync(() => (Ledger.Request(experimentId, submittedUtc, trainingSilos.SlotsNow(), now, out var changed), changed));
        if (!decision.Granted && state.State.Leases.Count > 0 && now - _lastAudit > StaleAfter)
        {
            _lastAudit = now;
            if (await ReclaimStoppedAsync() > 0)
            {
                decision = await ChangeAsync(() => (Ledger.Request(experimentId, submittedUtc, trainingSilos.SlotsNow(), now, out var changed), changed));
            }
        }

        if (decision.Granted)
        {
            LogGranted(logger, experimentId, decision.Silo!, decision.SlotsInUse, decision.Slots);
        }

        return decision;
    }

    async Task ITrainingSlotsGrain.ReleaseAsync(string experimentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(experimentId);
        await ChangeAsync(() => (0, Ledger.Release(experimentId)));
    }

    // Applies a change to the ledger and stores the leases if they changed; storage refusing leaves them as they were.
    private async Task<T> ChangeAsync<T>(Func<(T Result, bool Changed)> change)
    {
        var before = new Dictionary<string, SlotLease>(state.State.Leases, StringComparer.Ordinal);
        var (result, changed) = change();
        if (changed)
        {
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                state.State.Leases.Clear();
                foreach (var (id, lease) in before)
                {
                    state.State.Leases.Add(id, lease);
                }

                throw;
            }
        }

        return result;
    }

    private async Task<int> ReclaimStoppedAsync()
    {
        var reclaimed = 0;
        foreach (var id in state.State.Leases.Keys.ToList())
        {
            // Both are read-only and interleave, so asking a holder that is itself waiting on this ledger is safe.
            var experiment = GrainFactory.GetGrain<IExperimentGrain>(id);
            var stopped = await experiment.GetSpecAsync() is null || ExperimentStatus.IsFinalPhase((await experiment.GetStatusAsync()).Phase);
            if (stopped && await ChangeAsync(() =>
            {
                var released = Ledger.Release(id);
                return (released, released);
            }))
            {
                LogReclaimed(logger, id);
                reclaimed++;
            }
        }

        return reclaimed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Experiment {ExperimentId} holds a training slot on {Silo} ({InUse} of {Slots} in use)")]
    private static partial void LogGranted(ILogger logger, string experimentId, string silo, int inUse, int slots);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Experiment {ExperimentId} had stopped without giving back its training slot; the slot is free again")]
    private static partial void LogReclaimed(ILogger logger, string experimentId);
}
