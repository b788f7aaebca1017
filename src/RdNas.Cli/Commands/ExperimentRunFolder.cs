using RdNas.Abstractions.Experiments;
using RdNas.Client;
using RdNas.Nas.Data;
using RdNas.Nas.Runs;
using RdNas.Nas.Search;

namespace RdNas.Cli.Commands;

/// <summary>
/// A completed experiment's run folder on this machine, as <c>rdnas train</c> writes one locally: <c>result.json</c>,
/// <c>subnets.csv</c>, the search's files and the checkpoint with its journals, so that <c>rdnas evaluate</c>,
/// <c>rdnas search --run</c> and <c>rdnas compare</c> take a run trained on a cluster as they take a local one.
/// </summary>
internal static class ExperimentRunFolder
{
    /// <summary>
    /// Refuses a folder that holds an unfinished run's checkpoint (given with <paramref name="option"/>): a cluster's
    /// checkpoint written there would replace it.
    /// </summary>
    public static void RequireNoUnfinishedRun(string option, string folder)
    {
        if (!File.Exists(Path.Combine(folder, TrainingRunWriter.ResultFile)) && Directory.Exists(Path.Combine(folder, TrainingRunSpec.CheckpointFolder)))
        {
            throw new ArgumentException($"{option}: {folder} holds the checkpoint of an unfinished run (rdnas train without --cluster resumes it there); choose another folder");
        }
    }

    /// <summary>Writes <paramref name="result"/>'s files into <paramref name="folder"/>.</summary>
    public static void WriteResult(ExperimentResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        AtomicFile.WriteAllText(Path.Combine(folder, TrainingRunWriter.ResultFile), result.ResultJson);
        AtomicFile.WriteAllText(Path.Combine(folder, TrainingRunWriter.SubnetsFile), result.SubnetsCsv);
        if (result.SearchJson is not null)
        {
            var searchFolder = Path.Combine(folder, TrainingRunSpec.SearchFolder);
            Directory.CreateDirectory(searchFolder);
            AtomicFile.WriteAllText(Path.Combine(searchFolder, SearchResultWriter.ResultFile), result.SearchJson);
            AtomicFile.WriteAllText(Path.Combine(searchFolder, SearchResultWriter.TraceFile), result.SearchTraceCsv ?? string.Empty);
        }
    }

    /// <summary>
    /// Puts experiment <paramref name="id"/>'s stored checkpoint and journals into <paramref name="folder"/>; returns
    /// the archive's size, or null when the cluster stores none. The folder is touched only once the whole archive
    /// has arrived.
    /// </summary>
    public static async Task<long?> WriteCheckpointAsync(RdNasClient client, string id, string folder, CancellationToken cancellationToken)
    {
        using var archive = new MemoryStream();
        if (!await client.DownloadCheckpointAsync(id, archive, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var bytes = archive.Length;
        archive.Position = 0;
        RunFolderArchive.Unpack(archive, folder); // closes the stream
        return bytes;
    }
}
