namespace RdNas.Grains.Scheduling;

/// <summary>
/// The cluster's one ledger of training slots (key <see cref="Key"/>; silo-internal): experiment grains ask it for a
/// slot before they start a worker and give the slot back when they stop.
/// </summary>
[Alias("RdNas.ITrainingSlotsGrain")]
public interface ITrainingSlotsGrain : IGrainWithStringKey
{
    /// <summary>The key of the cluster's ledger.</summary>
    const string Key = "cluster";

    /// <summary>The slot <paramref name="experimentId"/> holds or is granted now, or why it waits; asked again every watchdog tick while it waits.</summary>
    [Alias("Request")]
    Task<SlotDecision> RequestAsync(string experimentId, DateTimeOffset submittedUtc);

    /// <summary>Gives up <paramref name="experimentId"/>'s slot or place in the queue.</summary>
    [Alias("Release")]
    Task ReleaseAsync(string experimentId);
}
