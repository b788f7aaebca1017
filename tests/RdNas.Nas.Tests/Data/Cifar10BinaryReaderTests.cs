using RdNas.Nas.Data;

namespace RdNas.Nas.Tests.Data;

public sealed class Cifar10BinaryReaderTests
{
    [Fact]
    public void ReadTrain_ConsecutiveBatchFiles_ConcatenatesInOrder()
    {
        var root = TestData.TempFolder();
        WriteBatch(root, "data_batch_1.bin", labels: [3, 7]);
        WriteBatch(root, "data_batch_2.bin", labels: [1], firstImage: 2);
        WriteBatch(root, "data_batch_4.bin", labels: [9]); // after a gap: not read

        var images = Cifar10BinaryReader.ReadTrain(new DataDirectory(root));

        Assert.Equal(new byte[] { 3, 7, 1 }, images.Labels);
        Assert.Equal(3 * Cifar10Images.PixelBytes, images.Pixels.Length);
        Assert.Equal(PixelOf(1, 0), images.Image(1)[0]);
        Assert.Equal(PixelOf(2, 3071), images.Image(2)[3071]);
    }

    [Fact]
    public void ReadTrain_NoFirstBatch_NamesTheFileAndVariable()
    {
        var root = TestData.TempFolder();

        var error = Assert.Throws<DataNotFoundException>(() => Cifar10BinaryReader.ReadTrain(new DataDirectory(root)));

        Assert.Contains("cifar10/data_batch_1.bin", error.Message, StringComparison.Ordinal);
        Assert.Contains("RDNAS_DATA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTest_TruncatedFile_NamesFileAndExpectedSize()
    {
        var root = TestData.TempFolder();
        WriteBatch(root, "test_batch.bin", labels: [0, 1]);
        var path = Path.Combine(root, "cifar10", "test_batch.bin");
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^5]);

        var error = Assert.Throws<InvalidDataException>(() => Cifar10BinaryReader.ReadTest(new DataDirectory(root)));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("3073 bytes each", error.Message, StringComparison.Ordinal);
        Assert.Contains("6141 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFiles_LabelOutOfRange_NamesRecord()
    {
        var root = TestData.TempFolder();
        WriteBatch(root, "data_batch_1.bin", labels: [0, 12]);

        var error = Assert.Throws<InvalidDataException>(() => Cifar10BinaryReader.ReadTrain(new DataDirectory(root)));

        Assert.Contains("record 1 has label 12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadTrain_RealData_TwentyThousandBalancedImages()
    {
        var images = Cifar10BinaryReader.ReadTrain(TestData.Real());

        Assert.Equal(20_000, images.Count);
        Assert.All(images.Labels.GroupBy(l => l), g => Assert.Equal(2_000, g.Count()));
    }

    internal static byte PixelOf(int image, int offset) => (byte)((image * 31) + (offset * 7));

    internal static void WriteBatch(string root, string name, byte[] labels, int firstImage = 0)
    {
        Directory.CreateDirectory(Path.Combine(root, "cifar10"));
        var bytes = new byte[labels.Length * Cifar10BinaryReader.RecordBytes];
        for (var n = 0; n < labels.Length; n++)
        {
            bytes[n * Cifar10BinaryReader.RecordBytes] = labels[n];
            for (var p = 0; p < Cifar10Images.PixelBytes; p++)
            {
                bytes[(n * Cifar10BinaryReader.RecordBytes) + 1 + p] = PixelOf(firstImage + n, p);
            }
        }

        File.WriteAllBytes(Path.Combine(root, "cifar10", name), bytes);
    }
}
