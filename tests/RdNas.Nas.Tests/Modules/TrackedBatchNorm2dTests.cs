using RdNas.Nas.Modules;
using static TorchSharp.torch;

namespace RdNas.Nas.Tests.Modules;

public sealed class TrackedBatchNorm2dTests
{
    // Built under SeededConstruction's lock like every network: the default dtype is process-wide, and a test on
    // another thread building a float64 network would otherwise give this layer float64 buffers.
    private static TrackedBatchNorm2d Build(long features, bool affine = true) =>
        SeededConstruction.Build(0, ScalarType.Float32, () => new TrackedBatchNorm2d(features, affine));

    [Fact]
    public void Forward_Training_NormalisesAndUpdatesRunningStatisticsLikePyTorch()
    {
        using var bn = Build(1);
        bn.train();

        // One channel with values 1, 2, 3, 4: mean 2.5, biased variance 1.25, unbiased 5/3.
        using var output = bn.forward(tensor(new[] { 1f, 2f, 3f, 4f }).reshape(1, 1, 2, 2));

        var state = bn.state_dict();
        Assert.Equal(0.25f, state["running_mean"].item<float>(), 6);
        Assert.Equal(0.9f + (0.1f * 5f / 3f), state["running_var"].item<float>(), 6);
        Assert.Equal(1L, state["num_batches_tracked"].item<long>());
        Assert.Equal((1f - 2.5f) / MathF.Sqrt(1.25f + 1e-5f), output[0, 0, 0, 0].item<float>(), 5);
    }

    [Fact]
    public void ResetRunningStats_AfterTraining_RestoresInitialState()
    {
        using var bn = Build(2, affine: false);
        bn.train();
        using var generator = TestGenerator.Create();
        using (bn.forward(randn([4, 2, 3, 3], ScalarType.Float32, generator: generator)))
        {
        }

        bn.ResetRunningStats();

        var state = bn.state_dict();
        Assert.Equal([0f, 0f], state["running_mean"].data<float>().ToArray());
        Assert.Equal([1f, 1f], state["running_var"].data<float>().ToArray());
        Assert.Equal(0L, state["num_batches_tracked"].item<long>());
        Assert.DoesNotContain("weight", state.Keys);
    }
}
