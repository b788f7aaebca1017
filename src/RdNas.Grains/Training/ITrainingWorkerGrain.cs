using RdNas.Abstractions.Experiments;

namespace RdNas.Grains.Training;

/// <summary>
/// The training of one experiment (keyed by the experiment id), placed only on silos that may train. Lives as long as
/// its run; a new activation after a lost silo starts idle and resumes when its experiment starts it again.
/// </summary>
[Alias("RdNas.ITrainingWorkerGrain")]
public interface ITrainingWorkerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts (or keeps running) the run of <paramref name="spec"/>; returns the silo that trains it, or null when this
    /// activation is not on the silo the call's placement hint names (the silo of the experiment's training slot):
    /// it then goes once no run of its own is in progress, and the next start is placed on that silo.
    /// </summary>
    [Alias("Start")]
    Task<string?> StartAsync(ExperimentSpec spec, int attempt);

    /// <summary>Whether a run is in progress in this activation.</summary>
    [Alias("IsRunning")]
    Task<bool> IsRunningAsync();

    /// <summary>Stops the run; its checkpoint stays.</summary>
    [Alias("Cancel")]
    Task CancelAsync();
}
