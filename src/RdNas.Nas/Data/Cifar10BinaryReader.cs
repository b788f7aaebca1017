namespace RdNas.Nas.Data;

/// <summary>
/// Reads the CIFAR-10 binary version (<c>cifar-10-batches-bin</c>): records of 1 label byte and 3,072 pixel bytes,
/// 10,000 to a file. Accepts 1 to 5 train batch files, as a user may hold only part of the set.
/// </summary>
public static class Cifar10BinaryReader
{
    /// <summary>Bytes of one record.</summary>
    public const int RecordBytes = 1 + Cifar10Images.PixelBytes;

    /// <summary>The folder under the data directory.</summary>
    public const string Folder = "cifar10";

    private const string Source = "the CIFAR-10 binary version (cifar-10-batches-bin)";

    /// <summary>
    /// The train images of every consecutive <c>data_batch_N.bin</c> present, from 1 up; at least the first must be.
    /// </summary>
    public static Cifar10Images ReadTrain(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var files = new List<string> { data.RequireFile(Path.Combine(Folder, "data_batch_1.bin"), Source) };
        for (var n = 2; n <= 5 && File.Exists(data.PathOf(Path.Combine(Folder, $"data_batch_{n}.bin"))); n++)
        {
            files.Add(data.PathOf(Path.Combine(Folder, $"data_batch_{n}.bin")));
        }

        return ReadFiles(files);
    }

    /// <summary>The 10,000 test images of <c>test_batch.bin</c>.</summary>
    public static Cifar10Images ReadTest(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return ReadFiles([data.RequireFile(Path.Combine(Folder, "test_batch.bin"), Source)]);
    }

    /// <summary>Reads and concatenates batch files; a truncated or corrupt file is an error naming it.</summary>
    public static Cifar10Images ReadFiles(IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var labels = new List<byte>();
        using var pixels = new MemoryStream();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            if (bytes.Length == 0 || bytes.Length % RecordBytes != 0)
            {
                throw new InvalidDataException(
                    $"{file}: {bytes.Length} bytes is not a whole number of CIFAR-10 records ({RecordBytes} bytes each; a full batch file is {10_000 * RecordBytes} bytes); the file is truncated or not in the binary format");
            }

            for (var offset = 0; offset < bytes.Length; offset += RecordBytes)
            {
                var label = bytes[offset];
                if (label >= Cifar10Images.ClassCount)
                {
                    throw new InvalidDataException($"{file}: record {offset / RecordBytes} has label {label} (expected 0..9); not a CIFAR-10 binary file");
                }

                labels.Add(label);
                pixels.Write(bytes, offset + 1, Cifar10Images.PixelBytes);
            }
        }

        return new Cifar10Images(pixels.ToArray(), [.. labels]);
    }
}
