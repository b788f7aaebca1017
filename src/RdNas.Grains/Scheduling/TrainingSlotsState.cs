namespace RdNas.Grains.Scheduling;

/// <summary>
/// What the training-slot ledger persists: the leases. Waiting experiments are not stored: each asks again at its
/// watchdog's every tick, so a ledger that moves to another silo rebuilds its queue within one tick.
/// </summary>
[GenerateSerializer, Alias("RdNas.TrainingSlotsState")]
public sealed class TrainingSlotsState
{
    /// <summary>The slots held, by experiment id.</summary>
    [Id(0)]
    public Dictionary<string, SlotLease> Leases { get; set; } = new(StringComparer.Ordinal);
}
