using RdNas.Nas.Training;

namespace RdNas.Grains.Storage;

/// <summary>
/// The checkpoint store of a single-process (embedded) silo: the run folder on local disk is itself the durable copy,
/// so saving adds nothing and restoring finds what the folder holds.
/// </summary>
public sealed class LocalCheckpointStore : ICheckpointStore
{
    /// <inheritdoc />
    public Task SaveAsync(string experimentId, string runDirectory, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<bool> RestoreAsync(string experimentId, string runDirectory, CancellationToken cancellationToken) =>
        Task.FromResult(TrainingCheckpoint.Exists(Path.Combine(runDirectory, "checkpoint")));
}
