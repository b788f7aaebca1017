using System.Text.Json;
using RdNas.Abstractions.Experiments;
using RdNas.Cli.Output;
using RdNas.Client;
using RdNas.Nas.Runs;
using RdNas.Nas.Search;

namespace RdNas.Cli.Commands;

/// <summary>
/// What <c>rdnas train</c> and <c>rdnas evaluate --experiment</c> do once their experiment is submitted: follow it
/// with a progress bar (or JSON lines), then write its run folder into --out and print its summary (or result.json).
/// </summary>
internal static class ExperimentFollower
{
    /// <summary>
    /// Follows experiment <paramref name="id"/> to its end and, completed, writes its run folder into
    /// <paramref name="output"/> (the checkpoint too, unless <paramref name="isEmbedded"/>: an embedded silo ran in
    /// that folder). Ctrl+C cancels an embedded experiment, and only stops watching a cluster's.
    /// </summary>
    public static async Task<int> FollowAndWriteAsync(CliConsole console, RdNasClient client, bool isEmbedded, string id, string output, bool json, CancellationToken cancellationToken)
    {
        ExperimentStatus final;
        try
        {
            final = await ExperimentProgressView.FollowAsync(console, client.WatchAsync(id, TimeSpan.FromMilliseconds(250), cancellationToken), !json, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (isEmbedded)
            {
                await client.CancelAsync(id).ConfigureAwait(false);
            }
            else
            {
                console.Error($"stopped watching; experiment {id} keeps running (rdnas experiments cancel {id} --cluster ... stops it)");
            }

            throw;
        }

        if (final.Phase != ExperimentPhase.Completed)
        {
            console.Error($"experiment {id} {final.Phase.ToString().ToLowerInvariant()}: {final.Message}");
            return ExitCodes.Failure;
        }

        var result = await client.GetResultAsync(id).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"experiment {id} completed without a result");
        ExperimentRunFolder.WriteResult(result, output);
        if (!isEmbedded)
        {
            // An embedded silo trained in this folder; a cluster's checkpoint is brought here, so the folder is a run
            // folder like a local one. The run has succeeded either way: a copy that fails is said, and can be redone.
            try
            {
                await ExperimentRunFolder.WriteCheckpointAsync(client, id, output, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                console.Warning($"the checkpoint of experiment {id} was not copied ({e.Message}); rdnas experiments fetch {id} --out {output} --cluster ... copies it");
            }
        }

        if (json)
        {
            console.Line(result.ResultJson);
        }
        else
        {
            console.Ansi.Write(RunSummaryTable.Create(RunRecord.Read(output), ("experiment", id)));
            if (result.SearchJson is not null)
            {
                SearchSummary.Print(console, JsonSerializer.Deserialize<SearchResult>(result.SearchJson, TrainingRunWriter.JsonOptions)!, Path.Combine(output, TrainingRunSpec.SearchFolder));
            }
        }

        return ExitCodes.Success;
    }
}
