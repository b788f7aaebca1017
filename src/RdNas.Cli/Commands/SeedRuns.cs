using RdNas.Abstractions.Experiments;
using RdNas.Cli.Output;
using RdNas.Client;
using RdNas.Nas.Runs;

namespace RdNas.Cli.Commands;

/// <summary>
/// <c>rdnas train --seeds</c>: one run of the same spec per seed, each in its own folder under --out
/// (<c>s0</c>, <c>s1</c>, ...), then the seeds' rankings and their mean ± sd. A cluster gets every experiment at
/// once and trains them as its slots allow; the embedded cluster trains them one after another, each in its
/// folder, so running the command again resumes the unfinished ones and re-reads the finished ones.
/// </summary>
internal static class SeedRuns
{
    /// <summary>Trains <paramref name="spec"/> with each of <paramref name="seeds"/>; exit code 1 when any run did not complete.</summary>
    public static async Task<int> TrainAsync(
        CliConsole console, ExperimentSpec spec, IReadOnlyList<long> seeds, string? idPrefix, string output, PlatformOptions platform, bool json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var prefix = idPrefix ?? RdNasClient.NewExperimentId();
        var runs = seeds.Select(seed => (Seed: seed, Id: $"{prefix}-{SeedList.FolderName(seed)}", Output: Path.Combine(output, SeedList.FolderName(seed)))).ToList();
        var completed = new List<bool>();
        if (string.IsNullOrWhiteSpace(platform.Cluster))
        {
            foreach (var run in runs)
            {
                if (!json)
                {
                    console.Line($"seed {run.Seed} → {run.Output}");
                }

                await using var session = await PlatformSession.OpenAsync(null, run.Output, platform.Data, platform.TeacherCache, platform.Device, null, cancellationToken).ConfigureAwait(false);
                await ExperimentSubmission.SubmitAsync(session.Client, spec with { Seed = run.Seed }, run.Id).ConfigureAwait(false);
                var code = await ExperimentFollower.FollowAndWriteAsync(console, session.Client, isEmbedded: true, run.Id, run.Output, json, cancellationToken, printSummary: false).ConfigureAwait(false);
                completed.Add(code == ExitCodes.Success);
            }
        }
        else
        {
            foreach (var run in runs)
            {
                ExperimentRunFolder.RequireNoUnfinishedRun("--out", run.Output);
            }

            await using var session = await PlatformSession.OpenAsync(platform.Cluster, output, platform.Data, platform.TeacherCache, platform.Device, null, cancellationToken).ConfigureAwait(false);
            foreach (var run in runs)
            {
                await ExperimentSubmission.SubmitAsync(session.Client, spec with { Seed = run.Seed }, run.Id).ConfigureAwait(false);
            }

            var finals = await ExperimentFollower.FollowAllAndWriteAsync(console, session.Client, [.. runs.Select(r => (r.Id, r.Output))], json, cancellationToken).ConfigureAwait(false);
            completed.AddRange(finals.Select(f => f.Phase == ExperimentPhase.Completed));
        }

        var finished = runs.Where((_, i) => completed[i]).Select(r => RunRecord.Read(r.Output)).ToList();
        Report(console, finished, [.. runs.Select((r, i) => (r.Seed, r.Id, r.Output, completed[i]))], json);
        return completed.All(c => c) ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static void Report(CliConsole console, List<RunRecord> finished, List<(long Seed, string Id, string Output, bool Completed)> runs, bool json)
    {
        if (json)
        {
            var tau = finished.Count > 0 ? SeedRunsTable.MeanAndSpread(finished, r => r.Ranking.KendallTau) : (Mean: double.NaN, StandardDeviation: double.NaN);
            console.Json(new
            {
                runs = runs.Select(r => new
                {
                    seed = r.Seed, experiment = r.Id, directory = r.Output, completed = r.Completed,
                    ranking = finished.FirstOrDefault(f => f.Seed == r.Seed)?.Ranking,
                }),
                kendall_tau_mean = double.IsNaN(tau.Mean) ? (double?)null : tau.Mean,
                kendall_tau_sd = double.IsNaN(tau.StandardDeviation) ? (double?)null : tau.StandardDeviation,
            });
            return;
        }

        if (finished.Count > 0)
        {
            console.Ansi.Write(SeedRunsTable.Create(finished));
        }

        console.Line($"{finished.Count} of {runs.Count} seeds completed; rdnas compare {string.Join(' ', runs.Where(r => r.Completed).Select(r => r.Output))} compares them with other runs");
    }

    /// <summary>Where the runs go and what they train with: the options <c>rdnas train</c> shares with its seeds.</summary>
    internal sealed record PlatformOptions(string? Cluster, string? Data, string? TeacherCache, string? Device);
}
