namespace RdNas.Abstractions.Experiments;

/// <summary>The list of submitted experiments; one grain, keyed <see cref="Key"/>.</summary>
[Alias("RdNas.IExperimentCatalogGrain")]
public interface IExperimentCatalogGrain : IGrainWithStringKey
{
    /// <summary>The key of the one catalog.</summary>
    const string Key = "all";

    /// <summary>Adds an experiment (again: no change).</summary>
    [Alias("Add")]
    Task AddAsync(ExperimentSummary experiment);

    /// <summary>Removes an experiment (one not listed: no change).</summary>
    [Alias("Remove")]
    Task RemoveAsync(string id);

    /// <summary>Every experiment, oldest first.</summary>
    [Alias("List")]
    Task<IReadOnlyList<ExperimentSummary>> ListAsync();
}
