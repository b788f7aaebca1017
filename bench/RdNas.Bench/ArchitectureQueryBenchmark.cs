using System.Diagnostics;
using System.Globalization;
using RdNas.Client;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Bench;

/// <summary>
/// N concurrent ground-truth queries to N distinct architecture grains through the SDK, repeated: the first round
/// activates the grains (cold), the later ones find them active (warm). Prints each round and the warm median.
/// </summary>
internal static class ArchitectureQueryBenchmark
{
    public static async Task<int> RunAsync(string cluster, int count, int rounds)
    {
        var archs = new Nb201SearchSpace(5).Enumerate().Take(count).Select(g => g.ToString()).ToList();
        await using var client = await RdNasClient.ConnectAsync(ClusterConnection.Parse(cluster));
        var warm = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            var results = await Task.WhenAll(archs.Select(async arch =>
            {
                try
                {
                    return await client.GetGroundTruthAsync("nb201", arch, "cifar10_valid") is > 0 and <= 100;
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Console.Error.WriteLine($"{arch}: {e.GetType().Name}: {e.Message}");
                    return false;
                }
            }));
            watch.Stop();
            var errors = results.Count(ok => !ok);
            var perSecond = archs.Count / watch.Elapsed.TotalSeconds;
            if (round > 0)
            {
                warm.Add(perSecond);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"arch-queries round={round} ({(round == 0 ? "cold" : "warm")}) queries={archs.Count} errors={errors} seconds={watch.Elapsed.TotalSeconds:F2} queries_per_s={perSecond:F0}"));
            if (errors > 0)
            {
                return 1;
            }
        }

        warm.Sort();
        if (warm.Count > 0)
        {
            var median = warm.Count % 2 == 1 ? warm[warm.Count / 2] : (warm[(warm.Count / 2) - 1] + warm[warm.Count / 2]) / 2;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"arch-queries warm median queries_per_s={median:F0} over {warm.Count} rounds"));
        }

        return 0;
    }
}
