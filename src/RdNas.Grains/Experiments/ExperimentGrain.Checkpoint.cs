using RdNas.Abstractions.Experiments;

namespace RdNas.Grains.Experiments;

/// <summary>
/// The experiment's checkpoint: read back by clients that want its run folder (to score a finished run's supernet again,
/// or to continue a stopped one), and scored again on the cluster by a rescoring experiment.
/// </summary>
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

    // A rescoring experiment's worker starts from the source's stored checkpoint, which only a completed experiment of
    // the same training settings has (the trainer would refuse any other).
    private async Task RequireRescorableAsync(ExperimentSpec spec, string source)
    {
        var experiment = GrainFactory.GetGrain<IExperimentGrain>(source);
        if (source == Id || await experiment.GetSpecAsync() is not { } sourceSpec)
        {
            throw new InvalidExperimentSpecException("rescore_of", $"no experiment '{source}' to score again");
        }

        var phase = (await experiment.GetStatusAsync()).Phase;
        if (phase != ExperimentPhase.Completed)
        {
            throw new InvalidExperimentSpecException("rescore_of", $"experiment '{source}' is {phase.ToString().ToLowerInvariant()}: only a completed experiment's supernet is scored again");
        }

        if (sourceSpec.RescoreOf is { } original)
        {
            throw new InvalidExperimentSpecException("rescore_of", $"experiment '{source}' scores experiment '{original}''s supernet: score that one");
        }

        if (sourceSpec.TrainingSettings() != spec.TrainingSettings())
        {
            throw new InvalidExperimentSpecException("rescore_of", $"the spec's training settings must be experiment '{source}''s (preset, method, seeds, budget), with other evaluation settings only");
        }
    }
}
