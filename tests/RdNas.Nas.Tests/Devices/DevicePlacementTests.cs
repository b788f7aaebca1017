using RdNas.Nas.Data;
using RdNas.Nas.Modules;
using RdNas.Nas.Supernets.Nb201;
using TorchSharp;
using static TorchSharp.torch;

namespace RdNas.Nas.Tests.Devices;

/// <summary>
/// Moving networks and batches to another device, checked on libtorch's meta device (tensors with shapes and no data),
/// which every build has: what a CUDA device gets, without one.
/// </summary>
public sealed class DevicePlacementTests
{
    private static readonly Device s_meta = new(DeviceType.META);

    [Fact]
    public void Supernet_CreatedOnAnotherDevice_HasEveryParameterAndBufferThere()
    {
        var options = new Nb201SupernetOptions(Width: 4, CellsPerStage: 1, OpCount: 5);
        using var onCpu = Nb201NetworkFactory.Create(options, seed: 0);
        using var moved = Nb201NetworkFactory.Create(options, seed: 0, device: s_meta);

        Assert.Equal(DeviceType.META, moved.Device.type);
        Assert.All(moved.parameters(), p => Assert.Equal(DeviceType.META, p.device_type));
        Assert.All(moved.buffers(), b => Assert.Equal(DeviceType.META, b.device_type));
        Assert.All(moved.modules().OfType<TrackedBatchNorm2d>(), bn => Assert.Equal(DeviceType.META, bn.RunningVariance.device_type));
        Assert.Equal(onCpu.state_dict().Keys, moved.state_dict().Keys); // checkpoints keep their keys
        Assert.Contains("cells.0.edges.0.candidates.nor_conv_3x3.op.conv.weight", moved.state_dict().Keys);
        Assert.Equal(DeviceType.CPU, onCpu.Device.type);
    }

    [Fact]
    public void Batcher_OnAnotherDevice_GivesTheSameShapesAndLayoutThere()
    {
        var pixels = new byte[4 * Cifar10Images.PixelBytes];
        new Random(5).NextBytes(pixels);
        var images = new Cifar10Images(pixels, [1, 2, 3, 4]);

        var (cpuImages, cpuLabels) = new Cifar10Batcher(images).Batch([0, 1, 2], null);
        var (metaImages, metaLabels) = new Cifar10Batcher(images, s_meta).Batch([0, 1, 2], null);

        using (cpuImages)
        using (cpuLabels)
        using (metaImages)
        using (metaLabels)
        {
            Assert.Equal(DeviceType.META, metaImages.device_type);
            Assert.Equal(DeviceType.META, metaLabels.device_type);
            Assert.Equal(cpuImages.shape, metaImages.shape);
            Assert.Equal(cpuImages.stride(), metaImages.stride()); // channels-last kept
            Assert.Equal(ScalarType.Int64, metaLabels.dtype);
        }
    }
}
