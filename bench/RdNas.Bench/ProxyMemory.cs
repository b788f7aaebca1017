using System.Globalization;
using RdNas.Nas.Data;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Networks.ResNet48;
using RdNas.Nas.Proxies;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;

namespace RdNas.Bench;

/// <summary>
/// Where a long proxy scoring's resident memory goes: scores CELLS random 4-op cells with one proxy on one thread
/// (or, with <c>network</c>, only builds and disposes a benchmark network CELLS times; with <c>resnet48:PROXY</c> or
/// <c>resnet48:network</c>, the same for the first CELLS Track 1 architectures at 32×32), printing resident memory and
/// the managed heap every STEP cells, then after a full garbage collection with finalizers run, then after glibc's
/// malloc_trim. What the collection gives back was held by undisposed tensors awaiting finalization, what the trim
/// gives back was free in the allocator's arenas; what stays is live or leaked natively.
/// </summary>
internal static class ProxyMemory
{
    public static void Run(string proxyName, int cells, int step)
    {
        if (proxyName.StartsWith("resnet48:", StringComparison.Ordinal))
        {
            RunResNet48(proxyName["resnet48:".Length..], cells, step);
            return;
        }

        var proxy = proxyName == "network" ? null : ProxyRegistry.Get(proxyName); // "network": only build and dispose the network
        using var batch = proxy?.NeedsData == true ? ProxyBatch.FromTrainHalf(Cifar10BinaryReader.ReadTrain(DataDirectory.Resolve(null)), seed: 0) : null;
        var scorer = new ProxyScorer(Nb201SupernetOptions.Benchmark, seed: 0, batch);
        var sample = new Nb201SearchSpace(4).SampleDistinct(cells, new Nas.Randomness.SeededGenerator(3));
        Measure(sample.Count, step, i =>
        {
            if (proxy is null)
            {
                using var network = Nb201NetworkFactory.Create(Nb201SupernetOptions.Benchmark, seed: 0);
            }
            else
            {
                scorer.Score(proxy, sample[i]);
            }
        });
    }

    private static void RunResNet48(string proxyName, int count, int step)
    {
        var architectures = Track1Architectures.LoadTestSet(DataDirectory.Resolve(null)).Take(count).ToList();
        var scorer = proxyName == "network" ? null : new ResNet48ProxyScorer([proxyName], side: 32, seed: 0);
        Measure(architectures.Count, step, i =>
        {
            if (scorer is null)
            {
                using var network = ResNet48Network.Create(architectures[i].Genotype, seed: 0);
            }
            else
            {
                scorer.Score(architectures[i].Genotype);
            }
        });
    }

    // Runs item 0..count-1, printing resident memory at the start and every step items, then after a collection and a trim.
    private static void Measure(int count, int step, Action<int> item)
    {
        Print("start", 0);
        for (var i = 0; i < count; i++)
        {
            item(i);
            if ((i + 1) % step == 0)
            {
                Print("scored", i + 1);
            }
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Print("after full GC", count);
        if (OperatingSystem.IsLinux())
        {
            Print(MallocTrim(0) == 1 ? "after trim" : "trim: nothing", count); // what glibc held free in its arenas goes back to the kernel
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    private static void Print(string what, int cells) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-14} cells={cells,5} rss_mb={Environment.WorkingSet / 1048576,5} managed_mb={GC.GetTotalMemory(false) / 1048576,4}"));
}
