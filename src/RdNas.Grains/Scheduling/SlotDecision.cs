namespace RdNas.Grains.Scheduling;

/// <summary>
/// The ledger's answer to an experiment asking to train: the silo whose slot it holds (<see cref="Silo"/>, a parsable
/// address), or null with how busy the training silos are and how many experiments wait before it.
/// </summary>
[GenerateSerializer, Alias("RdNas.SlotDecision")]
public sealed record SlotDecision(
    [property: Id(0)] string? Silo,
    [property: Id(1)] int SlotsInUse,
    [property: Id(2)] int Slots,
    [property: Id(3)] int Ahead)
{
    /// <summary>Whether the experiment holds a slot.</summary>
    public bool Granted => Silo is not null;

    /// <summary>Why an experiment without a slot waits, for its status.</summary>
    public string WaitingReason() =>
        $"waiting for a training slot: {SlotsInUse} of {Slots} in use" +
        (Ahead == 0 ? "; next in the queue" : $"; {Ahead} experiment{(Ahead == 1 ? "" : "s")} ahead in the queue");
}
