using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using RdNas.Abstractions.Experiments;
using RdNas.Nas.Runs;

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

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string experimentId, CancellationToken cancellationToken) =>
        (await Blob(experimentId).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;

    /// <inheritdoc />
    public void ReleaseRunFolder(string runDirectory)
    {
        if (Directory.Exists(runDirectory))
        {
            Directory.Delete(runDirectory, recursive: true);
        }
    }

    /// <inheritdoc />
    public async Task<CheckpointChunk?> ReadAsync(string experimentId, long offset, int count, string? version, CancellationToken cancellationToken)
    {
        // A ranged read conditional on the ETag: slices of an archive replaced between two reads are never joined.
        var options = new BlobDownloadOptions
        {
            Range = new HttpRange(offset, count),
            Conditions = version is null ? null : new BlobRequestConditions { IfMatch = new ETag(version) },
        };
        try
        {
            var download = await Blob(experimentId).DownloadContentAsync(options, cancellationToken).ConfigureAwait(false);
            var details = download.Value.Details;
            return new CheckpointChunk(download.Value.Content.ToArray(), TotalLength(details), details.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            throw CheckpointReadErrors.Changed(experimentId, e);
        }
        catch (RequestFailedException e) when (e.Status == 416)
        {
            throw CheckpointReadErrors.PastEnd(experimentId, offset, e);
        }
    }

    // A ranged answer names the blob's length after the slash of its Content-Range ("bytes 0-1023/52817").
    private static long TotalLength(BlobDownloadDetails details) =>
        details.ContentRange is { } range && range.LastIndexOf('/') is var slash and >= 0
            ? long.Parse(range.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture)
            : details.ContentLength;

    private BlobClient Blob(string experimentId) => container.GetBlobClient($"{serviceId}/{experimentId}/checkpoint.zip");
}
