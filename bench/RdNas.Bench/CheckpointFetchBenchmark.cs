using System.Diagnostics;
using System.Globalization;
using RdNas.Abstractions.Experiments;
using RdNas.Client;

namespace RdNas.Bench;

/// <summary>
/// A stopped experiment's checkpoint read through its experiment grain with the SDK (the path of
/// <c>rdnas experiments fetch</c> and <c>rdnas train --cluster</c>), ROUNDS times: prints each round's size, slices and
/// rate, and the median.
/// </summary>
internal static class CheckpointFetchBenchmark
{
    public static async Task<int> RunAsync(string cluster, string experimentId, int rounds)
    {
        await using var client = await RdNasClient.ConnectAsync(ClusterConnection.Parse(cluster));
        var seconds = new List<double>();
        long bytes = 0;
        for (var round = 0; round < rounds; round++)
        {
            using var archive = new MemoryStream();
            var watch = Stopwatch.StartNew();
            if (!await client.DownloadCheckpointAsync(experimentId, archive))
            {
                Console.Error.WriteLine($"experiment {experimentId} has no stored checkpoint");
                return 1;
            }

            watch.Stop();
            bytes = archive.Length;
            seconds.Add(watch.Elapsed.TotalSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"checkpoint-fetch round={round} bytes={bytes} slices={(bytes + CheckpointChunk.MaxBytes - 1) / CheckpointChunk.MaxBytes} seconds={watch.Elapsed.TotalSeconds:F3} mb_per_s={bytes / 1048576.0 / watch.Elapsed.TotalSeconds:F1}"));
        }

        seconds.Sort();
        var median = seconds.Count % 2 == 1 ? seconds[seconds.Count / 2] : (seconds[(seconds.Count / 2) - 1] + seconds[seconds.Count / 2]) / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"checkpoint-fetch median seconds={median:F3} mb_per_s={bytes / 1048576.0 / median:F1} over {seconds.Count} rounds ({bytes / 1048576.0:F1} MB)"));
        return 0;
    }
}
