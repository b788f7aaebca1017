namespace RdNas.Nas.Data;

/// <summary>
/// CIFAR-10 images held in memory as in the binary files: per image 3,072 bytes (1,024 R, 1,024 G, 1,024 B,
/// row-major 32×32) and a label 0..9.
/// </summary>
public sealed class Cifar10Images
{
    /// <summary>Image side in pixels.</summary>
    public const int Side = 32;

    /// <summary>Bytes of one image.</summary>
    public const int PixelBytes = 3 * Side * Side;

    /// <summary>Number of classes.</summary>
    public const int ClassCount = 10;

    /// <summary>Wraps pixel and label arrays of equal image count.</summary>
    public Cifar10Images(byte[] pixels, byte[] labels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        if (pixels.Length != labels.Length * PixelBytes)
        {
            throw new ArgumentException($"{labels.Length} labels need {labels.Length * PixelBytes} pixel bytes, got {pixels.Length}", nameof(pixels));
        }

        Pixels = pixels;
        Labels = labels;
    }

    /// <summary>All pixels, image after image.</summary>
    public byte[] Pixels { get; }

    /// <summary>One label per image.</summary>
    public byte[] Labels { get; }

    /// <summary>Number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>The 3,072 pixel bytes of image <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Image(int index) => Pixels.AsSpan(index * PixelBytes, PixelBytes);
}
