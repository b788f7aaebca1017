using RdNas.Abstractions.Experiments;
using RdNas.Cli.Output;
using RdNas.Client;
using RdNas.Nas.Runs;

namespace RdNas.Cli.Commands;

/// <summary>
/// <c>rdnas train --seeds</c>: one run of the same spec per seed, each in its own folder under --out (<c>s0</c>,
/// <c>s1</c>, ...; with several methods, <c>--sampler spos,rdnas</c>, one folder per method and seed:
/// <c>spos/s0</c>, <c>rdnas/s0</c>, ...), then the runs' rankings, their mean ± sd and, with several methods, each
/// method against the first on paired seeds. A cluster gets every experiment at once and trains them as its slots
/// allow; the embedded cluster trains them one after another, each in its folder, so running the command again
/// resumes the unfinished ones and re-reads the finished ones.
/// </summary>
internal static class SeedRuns
{
    /// <summary>
    /// Trains each of <paramref name="methods"/> (specs differing in their sampler) with each of
    /// <paramref name="seeds"/>; exit code 1 when any run did not complete.
    /// </summary>
    public static async Task<int> TrainAsync(
        CliConsole console, IReadOnlyList<ExperimentSpec> methods, IReadOnlyList<long> seeds, string? idPrefix, string output, PlatformOptions platform, bool json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        var runs = Plan(methods, seeds, idPrefix ?? RdNasClient.NewExperimentId(), output);
        var completed = new List<bool>();
        if (string.IsNullOrWhiteSpace(platform.Cluster))
        {
            foreach (var run in runs)
            {
                if (!json)
                {
                    console.Line($"{run.Label} → {run.Output}");
                }

                await using var session = await PlatformSession.OpenAsync(null, run.Output, platform.Data, platform.TeacherCache, platform.Device, null, cancellationToken).ConfigureAwait(false);
                await ExperimentSubmission.SubmitAsync(session.Client, run.Spec, run.Id).ConfigureAwait(false);
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
                await ExperimentSubmission.SubmitAsync(session.Client, run.Spec, run.Id).ConfigureAwait(false);
            }

            var finals = await ExperimentFollower.FollowAllAndWriteAsync(console, session.Client, [.. runs.Select(r => (r.Id, r.Output, r.Label))], json, cancellationToken).ConfigureAwait(false);
            completed.AddRange(finals.Select(f => f.Phase == ExperimentPhase.Completed));
        }

        var finished = runs.Where((_, i) => completed[i]).Select(r => RunRecord.Read(r.Output)).ToList();
        SeedRunsReport.Print(console, finished, [.. runs.Select((r, i) => new SeedRunsReport.Entry(r.Spec.Sampler, r.Spec.Seed, r.Id, r.Output, completed[i]))], json);
        return completed.All(c => c) ? ExitCodes.Success : ExitCodes.Failure;
    }

    // Seed by seed, each method in turn: on a cluster the paired runs of a seed are submitted (and finish) together.
    private static List<SeedRun> Plan(IReadOnlyList<ExperimentSpec> methods, IReadOnlyList<long> seeds, string prefix, string output)
    {
        var several = methods.Count > 1;
        return
        [
            .. from seed in seeds
               from method in methods
               let folder = SeedList.FolderName(seed)
               let label = several ? $"{method.Sampler}/{folder}" : folder
               select new SeedRun(
                   method with { Seed = seed }, several ? $"{prefix}-{method.Sampler}-{folder}" : $"{prefix}-{folder}",
                   several ? Path.Combine(output, method.Sampler, folder) : Path.Combine(output, folder), label),
        ];
    }

    /// <summary>Where the runs go and what they train with: the options <c>rdnas train</c> shares with its seeds.</summary>
    internal sealed record PlatformOptions(string? Cluster, string? Data, string? TeacherCache, string? Device);

    private sealed record SeedRun(ExperimentSpec Spec, string Id, string Output, string Label);
}
