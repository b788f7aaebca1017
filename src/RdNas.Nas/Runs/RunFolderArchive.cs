using System.IO.Compression;
using RdNas.Nas.Search;

namespace RdNas.Nas.Runs;

/// <summary>
/// What of a run folder makes a resumable checkpoint: <c>checkpoint/</c> and the journals beside it
/// (<c>history.json</c>, <c>training_curve.json</c>: a run resumed elsewhere keeps the entries of the epochs it does
/// not train again; <c>evaluation.partial.csv</c>: an evaluation resumed elsewhere keeps the subnets it scored;
/// <c>search/scores.csv</c>: a search resumed elsewhere keeps the cells it scored), packed into one
/// zip so that a store can replace it in a single write (a crash mid-upload leaves the previous one whole).
/// </summary>
public static class RunFolderArchive
{
    private static readonly string[] Journals = [TrainingHistory.FileName, TrainingRunWriter.TrainingCurveFile, EvaluationJournal.FileName, $"{TrainingRunSpec.SearchFolder}/{ScoreJournal.FileName}"];

    /// <summary>The archive of <paramref name="runDirectory"/>'s checkpoint and journals.</summary>
    public static byte[] Pack(string runDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        var checkpoint = Path.Combine(runDirectory, TrainingRunSpec.CheckpointFolder);
        if (!Directory.Exists(checkpoint))
        {
            throw new DirectoryNotFoundException($"no checkpoint to archive in {runDirectory}");
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.GetFiles(checkpoint).Order(StringComparer.Ordinal))
            {
                zip.CreateEntryFromFile(file, $"{TrainingRunSpec.CheckpointFolder}/{Path.GetFileName(file)}", CompressionLevel.Fastest);
            }

            foreach (var journal in Journals.Where(j => File.Exists(Path.Combine(runDirectory, j))))
            {
                zip.CreateEntryFromFile(Path.Combine(runDirectory, journal), journal, CompressionLevel.Fastest);
            }
        }

        return buffer.ToArray();
    }

    /// <summary>Replaces <paramref name="runDirectory"/>'s checkpoint and journals with the archive's.</summary>
    public static void Unpack(Stream archive, string runDirectory)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        var checkpoint = Path.Combine(runDirectory, TrainingRunSpec.CheckpointFolder);
        if (Directory.Exists(checkpoint))
        {
            Directory.Delete(checkpoint, recursive: true);
        }

        Directory.CreateDirectory(runDirectory);
        using var zip = new ZipArchive(archive, ZipArchiveMode.Read);
        zip.ExtractToDirectory(runDirectory, overwriteFiles: true);
    }
}
