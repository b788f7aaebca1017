using RdNas.Nas.Data;
using RdNas.Nas.Randomness;
using static TorchSharp.torch;

namespace RdNas.Nas.Proxies;

/// <summary>
/// The real data a data-dependent proxy sees: one batch of CIFAR-10 train-half images (normalised, not augmented),
/// drawn from a seeded shuffle so every cell is scored on the same images.
/// </summary>
public sealed class ProxyBatch : IDisposable
{
    private ProxyBatch(Tensor images, Tensor labels)
    {
        Images = images;
        Labels = labels;
    }

    /// <summary>Images, (N, 3, 32, 32).</summary>
    public Tensor Images { get; }

    /// <summary>Labels, (N).</summary>
    public Tensor Labels { get; }

    /// <summary><paramref name="size"/> images of the train half of <paramref name="split"/>, chosen by <paramref name="seed"/>.</summary>
    public static ProxyBatch FromTrainHalf(Cifar10Images images, TrainValidSplit split, long seed, int size = 64)
    {
        ArgumentNullException.ThrowIfNull(split);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, split.Train.Length);
        var order = split.ShuffledTrain(seed, RandomStreams.ProxyBatch);
        var (x, y) = new Cifar10Batcher(images).Batch(order.AsSpan(0, size), null);
        return new ProxyBatch(x.DetachFromDisposeScope(), y.DetachFromDisposeScope());
    }

    /// <summary>
    /// <paramref name="size"/> images of the train half of the split every run uses (split seed 0), chosen by
    /// <paramref name="seed"/>: the batch the CLI's scores and the cached teachers are computed on.
    /// </summary>
    public static ProxyBatch FromTrainHalf(Cifar10Images images, long seed, int size = 64)
    {
        ArgumentNullException.ThrowIfNull(images);
        return FromTrainHalf(images, TrainValidSplit.Create(images.Count, 0), seed, size);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
