using RdNas.Nas.Randomness;
using TorchSharp;
using static TorchSharp.torch;

namespace RdNas.Nas.Data;

/// <summary>
/// Turns CIFAR-10 images into normalised float batches, with NB201's augmentation (random crop 32 with padding 4,
/// horizontal flip) when a generator is given. Batches are laid out channels-last in memory (an NCHW view of NHWC
/// data), which lets oneDNN's convolutions skip a layout conversion on every layer. Batches are built on the CPU and,
/// for a batcher of another device, copied there (keeping that layout).
/// </summary>
public sealed class Cifar10Batcher
{
    private const int Pad = 4;
    private const int Side = Cifar10Images.Side;
    private const int Plane = Side * Side;

    // NB201's CIFAR-10 statistics (mean and std of the train set, ×255).
    private static readonly float[] s_mean = [125.3f / 255, 123.0f / 255, 113.9f / 255];
    private static readonly float[] s_std = [63.0f / 255, 62.1f / 255, 66.7f / 255];

    private readonly Cifar10Images _images;
    private readonly float[][] _lookup;
    private readonly Device? _device;

    /// <summary>Batches images of <paramref name="images"/> on <paramref name="device"/> (default: the CPU).</summary>
    public Cifar10Batcher(Cifar10Images images, Device? device = null)
    {
        _images = images ?? throw new ArgumentNullException(nameof(images));
        _device = device is { type: not DeviceType.CPU } ? device : null;
        _lookup = new float[3][];
        for (var c = 0; c < 3; c++)
        {
            _lookup[c] = new float[256];
            for (var v = 0; v < 256; v++)
            {
                _lookup[c][v] = ((v / 255f) - s_mean[c]) / s_std[c];
            }
        }
    }

    /// <summary>
    /// A batch of the images at <paramref name="indices"/>: images (N, 3, 32, 32) float and labels (N) int64.
    /// With <paramref name="augmentation"/> each image is randomly cropped and flipped from that generator.
    /// </summary>
    public (Tensor Images, Tensor Labels) Batch(ReadOnlySpan<int> indices, SeededGenerator? augmentation)
    {
        var count = indices.Length;
        var pixels = new float[count * 3 * Plane];
        var labels = new long[count];
        for (var n = 0; n < count; n++)
        {
            var image = _images.Image(indices[n]);
            labels[n] = _images.Labels[indices[n]];
            var (dy, dx, flip) = augmentation is null
                ? (0, 0, false)
                : (augmentation.NextInt((2 * Pad) + 1) - Pad, augmentation.NextInt((2 * Pad) + 1) - Pad, augmentation.NextInt(2) == 1);
            WriteImage(image, pixels.AsSpan(n * 3 * Plane, 3 * Plane), dy, dx, flip);
        }

        using var nhwc = tensor(pixels, [count, Side, Side, 3]);
        return _device is null
            ? (nhwc.permute(0, 3, 1, 2), tensor(labels))
            : (nhwc.to(_device).permute(0, 3, 1, 2), tensor(labels, device: _device));
    }

    private void WriteImage(ReadOnlySpan<byte> image, Span<float> nhwc, int dy, int dx, bool flip)
    {
        for (var y = 0; y < Side; y++)
        {
            var sourceY = y + dy;
            for (var x = 0; x < Side; x++)
            {
                var sourceX = (flip ? Side - 1 - x : x) + dx;
                var inside = (uint)sourceY < Side && (uint)sourceX < Side;
                var target = ((y * Side) + x) * 3;
                for (var c = 0; c < 3; c++)
                {
                    // Zero padding happens before normalisation, as torchvision's RandomCrop(padding=4) does.
                    nhwc[target + c] = _lookup[c][inside ? image[(c * Plane) + (sourceY * Side) + sourceX] : 0];
                }
            }
        }
    }
}
