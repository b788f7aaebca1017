using System.Globalization;

namespace RdNas.Bench;

/// <summary>A cell trained stand-alone by <see cref="StandaloneTraining"/>: its valid accuracy and its ground truth.</summary>
internal sealed record StandaloneCell(string Arch, double Accuracy, double GroundTruth)
{
    /// <summary>The cells of the CSV files <see cref="StandaloneTraining"/> wrote (none for a file not written yet).</summary>
    public static IReadOnlyList<StandaloneCell> Read(IEnumerable<string> paths) =>
        [.. paths.Where(File.Exists).SelectMany(path => File.ReadLines(path).Skip(1).Select(line => Parse(path, line)))];

    private static StandaloneCell Parse(string path, string line)
    {
        var fields = line.Split(',');
        if (fields.Length != StandaloneTraining.Header.Split(',').Length)
        {
            throw new InvalidDataException($"{path}: '{line}' is not a line of {StandaloneTraining.Header}");
        }

        return new StandaloneCell(fields[1], double.Parse(fields[2], CultureInfo.InvariantCulture), double.Parse(fields[4], CultureInfo.InvariantCulture));
    }
}
