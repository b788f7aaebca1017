using RdNas.Nas.Data;
using RdNas.Nas.Randomness;
using static TorchSharp.torch;

namespace RdNas.Nas.Tests.Data;

public sealed class Cifar10BatcherTests
{
    [Fact]
    public void Batch_NoAugmentation_NormalisesWithNb201Statistics()
    {
        var images = Images(2);
        var batcher = new Cifar10Batcher(images);

        var (x, y) = batcher.Batch([1, 0], null);
        using (x)
        using (y)
        {
            Assert.Equal(new long[] { 2, 3, 32, 32 }, x.shape);
            Assert.Equal(new long[] { images.Labels[1], images.Labels[0] }, y.data<long>().ToArray());

            // Image 1, green channel, row 5, column 9.
            var raw = images.Image(1)[1024 + (5 * 32) + 9];
            var expected = ((raw / 255f) - (123.0f / 255)) / (62.1f / 255);
            Assert.Equal(expected, x[0, 1, 5, 9].item<float>(), 5);
        }
    }

    [Fact]
    public void Batch_Augmented_IsReproducibleFromTheSeedAndCropsWithZeroPadding()
    {
        var batcher = new Cifar10Batcher(Images(8));
        var indices = Enumerable.Range(0, 8).ToArray();

        var (a, _) = batcher.Batch(indices, new SeededGenerator(3));
        var (b, _) = batcher.Batch(indices, new SeededGenerator(3));
        var (plain, _) = batcher.Batch(indices, null);

        Assert.True(a.equal(b).all().item<bool>());
        Assert.False(a.equal(plain).all().item<bool>());

        // Padding pixels are the normalised value of a black pixel: (0 - mean) / std of each channel.
        var black = ((0f - (125.3f / 255)) / (63.0f / 255));
        Assert.True(a.select(1, 0).eq(black).any().item<bool>());
    }

    private static Cifar10Images Images(int count)
    {
        var pixels = new byte[count * Cifar10Images.PixelBytes];
        new Random(1).NextBytes(pixels);
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = Math.Max((byte)1, pixels[i]); // no black pixel inside images, so zeros can only come from padding
        }

        return new Cifar10Images(pixels, [.. Enumerable.Range(0, count).Select(i => (byte)(i % 10))]);
    }
}
