using RdNas.Abstractions.Experiments;

namespace RdNas.Grains.Experiments;

/// <summary>The experiment's trained supernet, read back by clients that want the run folder of a finished run.</summary>
public sealed partial class ExperimentGrain
{
    Task<CheckpointChunk?> IExperimentGrain.ReadCheckpointAsync(long offset, int count, string? version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, CheckpointChunk.MaxBytes);
        if (_persisted.Spec is null)
        {
            throw new InvalidOperationException($"no experiment '{Id}' on this cluster");
        }

        // Only a completed run's checkpoint is final: a running worker replaces it every epoch, and a failed or
        // cancelled run has no result to go with it.
        if (_persisted.Phase != ExperimentPhase.Completed)
        {
            throw new InvalidOperationException($"experiment '{Id}' is {_persisted.Phase.ToString().ToLowerInvariant()}: its checkpoint can be read once it has completed");
        }

        return checkpoints.ReadAsync(Id, offset, count, version, CancellationToken.None);
    }
}
