using RdNas.Abstractions.Experiments;

namespace RdNas.Grains.Experiments;

/// <summary>The experiment's checkpoint, read back by clients that want its run folder: to score a finished run's supernet again, or to continue a stopped one.</summary>
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

        // Only a stopped run's checkpoint is final: a running worker replaces it every epoch. A failed or cancelled
        // run's is served too, so that it can be continued elsewhere.
        if (!ExperimentStatus.IsFinalPhase(_persisted.Phase))
        {
            throw new InvalidOperationException($"experiment '{Id}' is {_persisted.Phase.ToString().ToLowerInvariant()}: its checkpoint can be read once it has stopped (it changes every epoch until then)");
        }

        return checkpoints.ReadAsync(Id, offset, count, version, CancellationToken.None);
    }
}
