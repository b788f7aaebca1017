using RdNas.Nas.Data;

namespace RdNas.Nas.Tests;

/// <summary>Real data from RDNAS_DATA, and temporary folders the tests write their own small files into.</summary>
internal static class TestData
{
    /// <summary>The real data folder; a failure saying how to set it when RDNAS_DATA is unset.</summary>
    public static DataDirectory Real()
    {
        var root = RdNas.Tests.Shared.RealDataFolder.Find();
        Assert.False(string.IsNullOrWhiteSpace(root), "this test reads the real data: set RDNAS_DATA to the shared data folder (CI uses ../shared/data)");
        return new DataDirectory(root!);
    }

    /// <summary><paramref name="count"/> images of seeded random pixels, labelled 0–9 in turn.</summary>
    public static Cifar10Images RandomImages(int count, int seed)
    {
        var pixels = new byte[count * Cifar10Images.PixelBytes];
        new Random(seed).NextBytes(pixels);
        return new Cifar10Images(pixels, [.. Enumerable.Range(0, count).Select(i => (byte)(i % 10))]);
    }

    /// <summary>A new empty folder under the system temp folder.</summary>
    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "rdnas-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
