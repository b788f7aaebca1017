using System.Text.Json;
using RdNas.Abstractions.Experiments;
using RdNas.Cli.Output;
using RdNas.Client;
using RdNas.Nas.Runs;
using RdNas.Nas.Search;

namespace RdNas.Cli.Commands;

/// <summary>
/// What <c>rdnas train</c> and <c>rdnas evaluate --experiment</c> do once their experiment is submitted: follow it
/// with a progress bar (or JSON lines), then write its run folder into --out and print its summary (or result.json);
/// and what <c>rdnas train --seeds</c> does with a cluster's experiments, all followed at once.
/// </summary>
internal static class ExperimentFollower
{
    private static readonly TimeSpan s_watchInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Follows experiment <paramref name="id"/> to its end and, completed, writes its run folder into
    /// <paramref name="output"/> (the checkpoint too, unless <paramref name="isEmbedded"/>: an embedded silo ran in
    /// that folder) and, with <paramref name="printSummary"/>, prints its summary (or result.json). Ctrl+C cancels an
    /// embedded experiment, and only stops watching a cluster's.
    /// </summary>
    public static async Task<int> FollowAndWriteAsync(CliConsole console, RdNasClient client, bool isEmbedded, string id, string output, bool json, CancellationToken cancellationToken, bool printSummary = true)
    {
        ExperimentStatus final;
        try
        {
            final = await ExperimentProgressView.FollowAsync(console, client.WatchAsync(id, s_watchInterval, cancellationToken), !json, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await StoppedFollowingAsync(console, client, isEmbedded, [id]).ConfigureAwait(false);
            throw;
        }

        if (await WriteRunFolderAsync(console, client, isEmbedded, final, output, cancellationToken).ConfigureAwait(false) is not { } result)
        {
            return ExitCodes.Failure;
        }

        if (!printSummary)
        {
            return ExitCodes.Success;
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

    /// <summary>
    /// Follows a cluster's experiments (<paramref name="runs"/>: each one's id, output folder and label on screen) to
    /// their ends, side by side, and writes each completed one's run folder; returns the last statuses in the order given.
    /// </summary>
    public static async Task<IReadOnlyList<ExperimentStatus>> FollowAllAndWriteAsync(CliConsole console, RdNasClient client, IReadOnlyList<(string Id, string Output, string Label)> runs, bool json, CancellationToken cancellationToken)
    {
        IReadOnlyList<ExperimentStatus> finals;
        try
        {
            var streams = runs.Select(r => (r.Label, client.WatchAsync(r.Id, s_watchInterval, cancellationToken))).ToList();
            finals = await ExperimentsProgressView.FollowAsync(console, streams, !json, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await StoppedFollowingAsync(console, client, isEmbedded: false, [.. runs.Select(r => r.Id)]).ConfigureAwait(false);
            throw;
        }

        foreach (var (final, run) in finals.Zip(runs))
        {
            await WriteRunFolderAsync(console, client, isEmbedded: false, final, run.Output, cancellationToken).ConfigureAwait(false);
        }

        return finals;
    }

    private static async Task StoppedFollowingAsync(CliConsole console, RdNasClient client, bool isEmbedded, IReadOnlyList<string> ids)
    {
        if (isEmbedded)
        {
            await client.CancelAsync(ids[0]).ConfigureAwait(false);
            return;
        }

        var which = ids.Count == 1 ? $"experiment {ids[0]} keeps" : $"experiments {string.Join(", ", ids)} keep";
        console.Error($"stopped watching; {which} running (rdnas experiments cancel ID --cluster ... stops one)");
    }

    // A completed experiment's files into its folder; otherwise says how it ended and returns null.
    private static async Task<ExperimentResult?> WriteRunFolderAsync(CliConsole console, RdNasClient client, bool isEmbedded, ExperimentStatus final, string output, CancellationToken cancellationToken)
    {
        var id = final.Id;
        if (final.Phase != ExperimentPhase.Completed)
        {
            console.Error($"experiment {id} {final.Phase.ToString().ToLowerInvariant()}: {final.Message}");
            return null;
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

        return result;
    }
}
