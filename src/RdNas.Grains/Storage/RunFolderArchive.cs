using System.IO.Compression;
using RdNas.Nas.Runs;

namespace RdNas.Grains.Storage;

/// <summary>
/// What of a run folder makes a resumable checkpoint: <c>checkpoint/</c> and <c>history.json</c>, packed into one zip
/// so that a store can replace it in a single write (a crash mid-upload leaves the previous one whole).
/// </summary>
public static class RunFolderArchive
{
    private const string CheckpointFolder = "checkpoint";

    /// <summary>The archive of <paramref name="runDirectory"/>'s checkpoint and history.</summary>
    public static byte[] Pack(string runDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        var checkpoint = Path.Combine(runDirectory, CheckpointFolder);
        if (!Directory.Exists(checkpoint))
        {
            throw new DirectoryNotFoundException($"no checkpoint to archive in {runDirectory}");
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.GetFiles(checkpoint).Order(StringComparer.Ordinal))
            {
                zip.CreateEntryFromFile(file, $"{CheckpointFolder}/{Path.GetFileName(file)}", CompressionLevel.Fastest);
            }

            var history = Path.Combine(runDirectory, TrainingHistory.FileName);
            if (File.Exists(history))
            {
                zip.CreateEntryFromFile(history, TrainingHistory.FileName, CompressionLevel.Fastest);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Replaces <paramref name="runDirectory"/>'s checkpoint and history with the archive's.</summary>
    public static void Unpack(Stream archive, string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        var checkpoint = Path.Combine(runDirectory, CheckpointFolder);
        if (Directory.Exists(checkpoint))
        {
            Directory.Delete(checkpoint, recursive: true);
        }

        Directory.CreateDirectory(runDirectory);
        using var zip = new ZipArchive(archive, ZipArchiveMode.Read);
        zip.ExtractToDirectory(runDirectory, overwriteFiles: true);
    }
}
