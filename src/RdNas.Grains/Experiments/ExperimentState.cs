using RdNas.Abstractions.Experiments;

namespace RdNas.Grains.Experiments;

/// <summary>What an experiment grain persists: written on every change of phase, worker or checkpointed epoch.</summary>
[GenerateSerializer, Alias("RdNas.ExperimentState")]
public sealed class ExperimentState
{
    /// <summary>The submitted spec; null before submission.</summary>
    [Id(0)]
    public ExperimentSpec? Spec { get; set; }

    /// <summary>When it was submitted.</summary>
    [Id(1)]
    public DateTimeOffset SubmittedUtc { get; set; }

    /// <summary>The phase.</summary>
    [Id(2)]
    public ExperimentPhase Phase { get; set; }

    /// <summary>Why it waits, what it does, or why it failed.</summary>
    [Id(3)]
    public string Message { get; set; } = string.Empty;

    /// <summary>Epochs in the store's checkpoint.</summary>
    [Id(4)]
    public int CompletedEpochs { get; set; }

    /// <summary>Epochs in the run.</summary>
    [Id(5)]
    public int Epochs { get; set; }

    /// <summary>Worker starts so far; reports from older attempts are ignored.</summary>
    [Id(6)]
    public int Attempts { get; set; }

    /// <summary>The silo of the latest worker.</summary>
    [Id(7)]
    public string? Worker { get; set; }

    /// <summary>The epoch the latest worker resumed from.</summary>
    [Id(8)]
    public int? ResumedFromEpoch { get; set; }

    /// <summary>The result, once completed.</summary>
    [Id(9)]
    public ExperimentResult? Result { get; set; }

    /// <summary>Subnets of the final evaluation.</summary>
    [Id(10)]
    public int Subnets { get; set; }

    /// <summary>The device the latest worker's run trains on (cpu, cuda:N), once it has resolved its setting.</summary>
    [Id(11)]
    public string? Device { get; set; }

    /// <summary>
    /// Worker starts refused in a row; kept with the state so that a grain moved or reactivated between retries does not
    /// start counting again, and an experiment no silo can start still fails after its tries.
    /// </summary>
    [Id(12)]
    public int StartFailures { get; set; }

    /// <summary>A copy of the state as it is now (every member is immutable, so a shallow copy is a snapshot).</summary>
    public ExperimentState Snapshot() => (ExperimentState)MemberwiseClone();
}
