using Azure;
using Azure.Storage.Blobs;

namespace RdNas.Grains.Storage;

/// <summary>
/// Checkpoints in Azure Blob storage, one blob per experiment (<c>SERVICE/EXPERIMENT/checkpoint.zip</c>, keyed by
/// the service id like the grain state, so two services on one account never share a checkpoint): a grain state row
/// holds under 1 MB, a supernet checkpoint several.
/// </summary>
public sealed class BlobCheckpointStore(BlobContainerClient container, string serviceId) : ICheckpointStore
{
    /// <summary>The container the silo host uses.</summary>
    public const string ContainerName = "rdnas-checkpoints";

    /// <inheritdoc />
    public async Task SaveAsync(string experimentId, string runDirectory, CancellationToken cancellationToken)
    {
        var archive = RunFolderArchive.Pack(runDirectory);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

        // One upload call of a few MB is a single Put Blob: readers see the old archive or the new, never a mix.
        await Blob(experimentId).UploadAsync(new BinaryData(archive), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> RestoreAsync(string experimentId, string runDirectory, CancellationToken cancellationToken)
    {
        try
        {
            var download = await Blob(experimentId).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            RunFolderArchive.Unpack(download.Value.Content.ToStream(), runDirectory);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    private BlobClient Blob(string experimentId) => container.GetBlobClient($"{serviceId}/{experimentId}/checkpoint.zip");
}
