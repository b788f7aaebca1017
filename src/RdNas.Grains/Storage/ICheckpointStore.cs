using RdNas.Abstractions.Experiments;

namespace RdNas.Grains.Storage;

/// <summary>
/// The durable copy of a running experiment's checkpoint (weights, optimiser, generator states and history), so a
/// worker on another silo can resume it.
/// </summary>
public interface ICheckpointStore
{
    /// <summary>Copies the checkpoint in <paramref name="runDirectory"/> to the store, replacing the previous one atomically.</summary>
    Task SaveAsync(string experimentId, string runDirectory, CancellationToken cancellationToken);

    /// <summary>Puts the stored checkpoint into <paramref name="runDirectory"/>; false when there is none.</summary>
    Task<bool> RestoreAsync(string experimentId, string runDirectory, CancellationToken cancellationToken);

    /// <summary>Deletes the stored checkpoint of <paramref name="experimentId"/>; false when none was stored.</summary>
    Task<bool> DeleteAsync(string experimentId, CancellationToken cancellationToken);

    /// <summary>
    /// The worker is done with <paramref name="runDirectory"/> (its run has ended, however): a store that keeps its own
    /// copy deletes the folder, since a silo's disk is scratch and would otherwise fill with every run it ever trained;
    /// a store whose copy is the folder keeps it.
    /// </summary>
    void ReleaseRunFolder(string runDirectory);

    /// <summary>
    /// Bytes <paramref name="offset"/> to <paramref name="offset"/> + <paramref name="count"/> of the stored archive
    /// (fewer at its end), which must be <paramref name="version"/> when one is given; null when none is stored.
    /// </summary>
    /// <exception cref="InvalidOperationException">The stored archive is no longer <paramref name="version"/>, or <paramref name="offset"/> lies past its end.</exception>
    Task<CheckpointChunk?> ReadAsync(string experimentId, long offset, int count, string? version, CancellationToken cancellationToken);
}
