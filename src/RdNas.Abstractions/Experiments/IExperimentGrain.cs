using Orleans.Concurrency;

namespace RdNas.Abstractions.Experiments;

/// <summary>
/// One experiment, keyed by its id: accepts a spec, places its training on a silo allowed to train, survives the loss
/// of that silo by resuming from the last checkpoint elsewhere, and keeps the result.
/// </summary>
[Alias("RdNas.IExperimentGrain")]
public interface IExperimentGrain : IGrainWithStringKey
{
    /// <summary>
    /// Validates and starts <paramref name="spec"/>; an invalid field raises <see cref="InvalidExperimentSpecException"/>.
    /// Submitting the same spec again returns the current status; a different spec for a used id is refused.
    /// </summary>
    [Alias("Submit")]
    Task<ExperimentStatus> SubmitAsync(ExperimentSpec spec);

    // The readers interleave with the grain's other turns (a watchdog waiting on a lost silo can take seconds):
    // they only read fields that every turn leaves consistent before it awaits.

    /// <summary>The current status and progress.</summary>
    [Alias("GetStatus"), AlwaysInterleave]
    Task<ExperimentStatus> GetStatusAsync();

    /// <summary>The spec it runs; null before submission.</summary>
    [Alias("GetSpec"), AlwaysInterleave]
    Task<ExperimentSpec?> GetSpecAsync();

    /// <summary>The result once completed; null before.</summary>
    [Alias("GetResult"), AlwaysInterleave]
    Task<ExperimentResult?> GetResultAsync();

    /// <summary>
    /// Bytes <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="count"/> (at most
    /// <see cref="CheckpointChunk.MaxBytes"/>) of the stopped (completed, failed or cancelled) experiment's stored
    /// checkpoint archive, from the archive of <paramref name="version"/> (null: the stored one; another one stored
    /// since is an error); null when none is stored. A running experiment is refused: its checkpoint still changes.
    /// </summary>
    [Alias("ReadCheckpoint"), AlwaysInterleave]
    Task<CheckpointChunk?> ReadCheckpointAsync(long offset, int count, string? version);

    /// <summary>Stops the experiment; a finished one stays as it is.</summary>
    [Alias("Cancel")]
    Task<ExperimentStatus> CancelAsync();

    /// <summary>
    /// Starts a failed or cancelled experiment again from its stored checkpoint (a running one is left as it is); a
    /// completed one, or none, is an <see cref="InvalidOperationException"/>.
    /// </summary>
    [Alias("Resume")]
    Task<ExperimentStatus> ResumeAsync();

    /// <summary>
    /// Forgets a stopped experiment: its stored checkpoint, its entry in the list and its state, so its id is free
    /// again. A running experiment, the source of a running rescoring, or none is an <see cref="InvalidOperationException"/>.
    /// The supernet scores it recorded on architecture grains are forgotten with it.
    /// </summary>
    [Alias("Delete")]
    Task DeleteAsync();
}
