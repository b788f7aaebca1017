using System.Diagnostics;
using System.Globalization;
using static TorchSharp.torch;

namespace RdNas.Bench;

/// <summary>GFLOP/s of a large float32 matrix product: the practical compute ceiling of this CPU for libtorch.</summary>
internal static class MatmulBenchmark
{
    public static void Run(int size, int repeats)
    {
        using var a = randn(size, size, ScalarType.Float32);
        using var b = randn(size, size, ScalarType.Float32);
        using (mm(a, b))
        {
        }

        var times = new List<double>();
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            using (mm(a, b))
            {
            }

            times.Add(watch.Elapsed.TotalSeconds);
        }

        times.Sort();
        var gflops = 2.0 * size * size * size / times[times.Count / 2] / 1e9;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"torchsharp matmul n={size} threads={get_num_threads()} median_s={times[times.Count / 2]:F4} gflops={gflops:F1}"));
    }
}
