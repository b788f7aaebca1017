namespace RdNas.Grains.Scheduling;

/// <summary>A training slot an experiment holds on a silo (<see cref="Silo"/>: its parsable address).</summary>
[GenerateSerializer, Alias("RdNas.SlotLease")]
public sealed record SlotLease(
    [property: Id(0)] string Silo,
    [property: Id(1)] DateTimeOffset SubmittedUtc,
    [property: Id(2)] DateTimeOffset GrantedUtc);
