using RdNas.Nas.Modules;
using RdNas.Nas.Supernets.Nb201;
using static TorchSharp.torch;

namespace RdNas.Nas.Tests.Modules;

public sealed class WeightsFingerprintTests
{
    private static readonly Nb201SupernetOptions s_tiny = new(Width: 4, CellsPerStage: 1);

    [Fact]
    public void Of_SameSeed_IsEqual_AndAnotherSeedDiffers()
    {
        using var a = Nb201NetworkFactory.Create(s_tiny, seed: 1);
        using var b = Nb201NetworkFactory.Create(s_tiny, seed: 1);
        using var c = Nb201NetworkFactory.Create(s_tiny, seed: 2);

        Assert.Equal(WeightsFingerprint.Of(a), WeightsFingerprint.Of(b));
        Assert.NotEqual(WeightsFingerprint.Of(a), WeightsFingerprint.Of(c));
        Assert.Matches("^[0-9a-f]{64}$", WeightsFingerprint.Of(a));
    }

    [Fact]
    public void Of_OneWeightNudged_Changes_ButRunningStatisticsDoNot()
    {
        using var model = Nb201NetworkFactory.Create(s_tiny, seed: 1);
        var before = WeightsFingerprint.Of(model);
        var nudged = 0;

        using (no_grad())
        {
            foreach (var (name, buffer) in model.named_buffers())
            {
                if (name.EndsWith("running_mean", StringComparison.Ordinal))
                {
                    buffer.add_(1.0);
                    nudged++;
                }
            }
        }

        var afterBuffers = WeightsFingerprint.Of(model);
        using (no_grad())
        {
            var first = model.parameters().First();
            first.view(-1)[0].add_(1e-6);
        }

        Assert.True(nudged > 0, "the supernet's batch norms keep running statistics");
        Assert.Equal(before, afterBuffers);
        Assert.NotEqual(before, WeightsFingerprint.Of(model));
    }
}
