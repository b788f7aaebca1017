using RdNas.Abstractions.Experiments;
using RdNas.Grains.Architectures;

namespace RdNas.Grains.Experiments;

/// <summary>
/// Deleting a stopped experiment: checkpoint, the supernet scores it recorded on architectures, list entry and state,
/// in that order, so a retry finishes a deletion that failed part-way.
/// </summary>
public sealed partial class ExperimentGrain
{
    async Task IExperimentGrain.DeleteAsync()
    {
        if (_persisted.Spec is null)
        {
            throw new InvalidOperationException($"no experiment '{Id}' on this cluster");
        }

        if (!IsFinal || _unsaved)
        {
            throw new InvalidOperationException($"experiment '{Id}' is {S.Phase.ToString().ToLowerInvariant()}: only a stopped experiment is deleted (rdnas experiments cancel {Id} stops it)");
        }

        await RequireNoRunningRescoringAsync();
        await checkpoints.DeleteAsync(Id, CancellationToken.None);
        if (S.Result is { } result)
        {
            await SupernetScores.ForgetAsync(GrainFactory, Id, result.SubnetsCsv);
        }

        await GrainFactory.GetGrain<IExperimentCatalogGrain>(IExperimentCatalogGrain.Key).RemoveAsync(Id);
        await state.ClearStateAsync();
        state.State = new ExperimentState();
        _persisted = state.State.Snapshot();
        _progress = null;
        DeactivateOnIdle();
    }

    // A rescoring that has not started yet restores this experiment's checkpoint when it does.
    private async Task RequireNoRunningRescoringAsync()
    {
        foreach (var other in await GrainFactory.GetGrain<IExperimentCatalogGrain>(IExperimentCatalogGrain.Key).ListAsync())
        {
            if (other.Spec.RescoreOf == Id && !(await GrainFactory.GetGrain<IExperimentGrain>(other.Id).GetStatusAsync()).IsFinal)
            {
                throw new InvalidOperationException($"experiment '{other.Id}' is scoring experiment '{Id}''s supernet again: delete it once that has stopped");
            }
        }
    }
}
