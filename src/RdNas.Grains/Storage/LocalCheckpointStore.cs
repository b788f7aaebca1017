using System.Security.Cryptography;
using RdNas.Abstractions.Experiments;
using RdNas.Grains.Training;
using RdNas.Nas.Runs;
using RdNas.Nas.Training;

namespace RdNas.Grains.Storage;

/// <summary>
/// The checkpoint store of a single-process (embedded) silo, or of silos sharing one disk: the run folder on local
/// disk is itself the durable copy, so saving adds nothing, restoring finds what the folder holds (or copies another
/// experiment's folder in), and reading packs the folder as a blob store would have stored it.
/// </summary>
public sealed class LocalCheckpointStore(IRunDirectories runDirectories) : ICheckpointStore
{
    /// <inheritdoc />
    public Task SaveAsync(string experimentId, string runDirectory, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    /// <remarks>Deletes the run folder's checkpoint (what this store keeps); the folder's results stay.</remarks>
    public Task<bool> DeleteAsync(string experimentId, CancellationToken cancellationToken)
    {
        var checkpoint = Path.Combine(runDirectories.RunDirectoryOf(experimentId), TrainingRunSpec.CheckpointFolder);
        if (!Directory.Exists(checkpoint))
        {
            return Task.FromResult(false);
        }

        Directory.Delete(checkpoint, recursive: true);
        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public void ReleaseRunFolder(string runDirectory)
    {
        // The folder is the stored checkpoint (and, embedded, the user's --out): it stays.
    }

    /// <inheritdoc />
    public Task<bool> RestoreAsync(string experimentId, string runDirectory, CancellationToken cancellationToken)
    {
        var stored = runDirectories.RunDirectoryOf(experimentId);
        if (!TrainingCheckpoint.Exists(Path.Combine(stored, TrainingRunSpec.CheckpointFolder)))
        {
            return Task.FromResult(false);
        }

        if (Path.GetFullPath(stored) != Path.GetFullPath(runDirectory))
        {
            // Another experiment's (a rescoring starts from its source's): copied as a blob store would restore it.
            using var archive = new MemoryStream(RunFolderArchive.Pack(stored));
            RunFolderArchive.Unpack(archive, runDirectory);
        }

        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task<CheckpointChunk?> ReadAsync(string experimentId, long offset, int count, string? version, CancellationToken cancellationToken)
    {
        var runDirectory = runDirectories.RunDirectoryOf(experimentId);
        if (!TrainingCheckpoint.Exists(Path.Combine(runDirectory, TrainingRunSpec.CheckpointFolder)))
        {
            return Task.FromResult<CheckpointChunk?>(null);
        }

        // Packing the same files gives the same bytes (entries carry the files' write times), so the archive's hash
        // versions it as a blob's ETag would.
        var archive = RunFolderArchive.Pack(runDirectory);
        var packed = Convert.ToHexStringLower(SHA256.HashData(archive));
        if (version is not null && version != packed)
        {
            throw CheckpointReadErrors.Changed(experimentId);
        }

        if (offset >= archive.Length)
        {
            throw CheckpointReadErrors.PastEnd(experimentId, offset);
        }

        var slice = archive.AsSpan((int)offset, (int)Math.Min(count, archive.Length - offset)).ToArray();
        return Task.FromResult<CheckpointChunk?>(new CheckpointChunk(slice, archive.Length, packed));
    }
}
