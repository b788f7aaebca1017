using System.Diagnostics;
using System.Globalization;
using RdNas.Nas.Data;
using RdNas.Nas.Devices;
using RdNas.Nas.Randomness;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;
using RdNas.Nas.Training;
using static TorchSharp.torch;

namespace RdNas.Bench;

/// <summary>
/// Times training steps of the NB201 supernet on the all-conv3×3 cell (the network whose cost NB201 reports) on one
/// fixed synthetic channels-last batch, and reads the process's resident memory after each step. Mirrors
/// bench/pytorch_step.py, which also reuses one batch, so both time the network and the optimiser alone. The median
/// of each phase (clearing gradients, forward with the loss, backward, optimiser) says where a gap between the two
/// lies; on a GPU the phases time only the launches, the step's total waits for the kernels.
/// </summary>
internal static class StepBenchmark
{
    public static void Run(int width, int cells, int batch, int steps, int warmup, int resolution, ComputeDevice setting) =>
        Console.WriteLine(Measure(width, cells, batch, steps, warmup, resolution, setting));

    /// <summary>
    /// The benchmark's line: <c>torchsharp C=… device=… median_step_s=… rss_max_mb=…</c>, the fields bench/step.sh
    /// and bench/gpu/device-a.sh read. An unusable device fails before anything is built.
    /// </summary>
    public static string Measure(int width, int cells, int batch, int steps, int warmup, int resolution, ComputeDevice setting)
    {
        var device = setting.Resolve();
        using var model = Nb201NetworkFactory.Create(new Nb201SupernetOptions(width, cells) { InputDownsample = 32 / resolution }, seed: 0, device: device);
        using var optimizer = new MomentumSgd(model.parameters(), 0.025, 0.9, 5e-4);
        var genotype = Nb201Genotype.Parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|");
        var images = new Cifar10Images(new byte[batch * Cifar10Images.PixelBytes], new byte[batch]);
        new Random(0).NextBytes(images.Pixels);
        var batcher = new Cifar10Batcher(images);
        var indices = Enumerable.Range(0, batch).ToArray();
        var (cpuX, cpuY) = batcher.Batch(indices, new SeededGenerator(0));
        var x = cpuX.to(device);
        var y = cpuY.to(device);
        model.train();
        var times = new List<double>();
        var phases = new StepPhases();
        var rss = new List<double>();
        for (var step = 0; step < warmup + steps; step++)
        {
            var watch = Stopwatch.StartNew();
            using (NewDisposeScope())
            {
                model.zero_grad();
                var zeroed = watch.Elapsed.TotalSeconds;
                var loss = nn.functional.cross_entropy(model.forward(x, genotype), y);
                var forwarded = watch.Elapsed.TotalSeconds;
                loss.backward();
                var backwarded = watch.Elapsed.TotalSeconds;
                optimizer.Step();
                if (step >= warmup)
                {
                    phases.Add(zeroed, forwarded - zeroed, backwarded - forwarded, watch.Elapsed.TotalSeconds - backwarded);
                }
            }

            if (device.type == TorchSharp.DeviceType.CUDA)
            {
                cuda.synchronize(); // a step's kernels run after the calls return: the timer waits for them
            }

            watch.Stop();
            if (step >= warmup)
            {
                times.Add(watch.Elapsed.TotalSeconds);
                rss.Add(Environment.WorkingSet / (1024.0 * 1024.0));
            }
        }

        foreach (var tensor in new[] { x, y, cpuX, cpuY })
        {
            tensor.Dispose();
        }

        times.Sort();
        var median = times[times.Count / 2];
        return string.Create(CultureInfo.InvariantCulture,
            $"torchsharp C={width} N={cells} resolution={resolution} batch={batch} threads={get_num_threads()} device={ComputeDevice.Name(device)} median_step_s={median:F4} min_step_s={times[0]:F4} {phases} rss_first_mb={rss[0]:F0} rss_last_mb={rss[^1]:F0} rss_max_mb={rss.Max():F0}");
    }
}
