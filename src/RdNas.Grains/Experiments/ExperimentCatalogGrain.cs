using RdNas.Abstractions.Experiments;
using RdNas.Grains.Hosting;

namespace RdNas.Grains.Experiments;

/// <summary>The list of experiments, for <c>rdnas experiments list</c>.</summary>
public sealed class ExperimentCatalogGrain(
    [PersistentState("catalog", GrainStorage.Name)] IPersistentState<ExperimentCatalogState> state) : Grain, IExperimentCatalogGrain
{
    async Task IExperimentCatalogGrain.AddAsync(ExperimentSummary experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        if (state.State.Experiments.Exists(e => e.Id == experiment.Id))
        {
            return;
        }

        state.State.Experiments.Add(experiment);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Listed only once stored: otherwise the next add would find it and never store it.
            state.State.Experiments.Remove(experiment);
            throw;
        }
    }

    async Task IExperimentCatalogGrain.RemoveAsync(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var index = state.State.Experiments.FindIndex(e => e.Id == id);
        if (index < 0)
        {
            return;
        }

        var removed = state.State.Experiments[index];
        state.State.Experiments.RemoveAt(index);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Experiments.Insert(index, removed); // listed until the removal is stored
            throw;
        }
    }

    Task<IReadOnlyList<ExperimentSummary>> IExperimentCatalogGrain.ListAsync() =>
        Task.FromResult<IReadOnlyList<ExperimentSummary>>([.. state.State.Experiments]);
}
