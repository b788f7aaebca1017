using System.Globalization;
using RdNas.Nas.Data;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.GroundTruth;

/// <summary>
/// A NAS-Bench-201 table: one row per cell keyed by its arch string, numeric columns such as <c>cifar10_valid</c>
/// (200-epoch accuracy in %). An empty cell reads as NaN (the published proxy columns leave some out).
/// </summary>
public sealed class Nb201GroundTruth
{
    /// <summary>The file under the data directory.</summary>
    public const string RelativePath = "nb201/nb201_all.csv";

    private readonly Dictionary<Nb201Genotype, int> _rows;
    private readonly Dictionary<string, double[]> _columns;

    private Nb201GroundTruth(Dictionary<Nb201Genotype, int> rows, Dictionary<string, double[]> columns)
    {
        _rows = rows;
        _columns = columns;
    }

    /// <summary>The numeric columns, such as <c>cifar10_valid</c>.</summary>
    public IReadOnlyCollection<string> Columns => _columns.Keys;

    /// <summary>Number of cells in the table.</summary>
    public int Count => _rows.Count;

    /// <summary>Loads <c>nb201/nb201_all.csv</c> from the data directory.</summary>
    public static Nb201GroundTruth Load(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Load(data.RequireFile(RelativePath, "NAS-Bench-201 ground truth and published proxy scores, one row per cell"));
    }

    /// <summary>Loads a CSV with an <c>arch</c> column and numeric columns; bad rows are errors naming the line.</summary>
    public static Nb201GroundTruth Load(string path)
    {
        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? throw new InvalidDataException($"{path}: empty file, expected a header with an 'arch' column")).Split(',');
        var archColumn = Array.IndexOf(header, "arch");
        if (archColumn < 0)
        {
            throw new InvalidDataException($"{path}: no 'arch' column in the header ({string.Join(", ", header)})");
        }

        var values = Enumerable.Range(0, header.Length).Select(_ => new List<double>()).ToArray();
        var numeric = new bool[header.Length];
        Array.Fill(numeric, true);
        var rows = new Dictionary<Nb201Genotype, int>();
        var lineNumber = 1;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            var fields = line.Split(',');
            if (fields.Length != header.Length)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: {fields.Length} fields, the header has {header.Length}");
            }

            if (!rows.TryAdd(Nb201Genotype.Parse(fields[archColumn]), rows.Count))
            {
                throw new InvalidDataException($"{path}:{lineNumber}: duplicate arch {fields[archColumn]}");
            }

            for (var c = 0; c < fields.Length; c++)
            {
                var parsed = double.NaN;
                numeric[c] &= fields[c].Length == 0 || double.TryParse(fields[c], NumberStyles.Float, CultureInfo.InvariantCulture, out parsed);
                values[c].Add(parsed);
            }
        }

        var columns = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var c = 0; c < header.Length; c++)
        {
            if (numeric[c] && c != archColumn)
            {
                columns[header[c]] = [.. values[c]];
            }
        }

        return new Nb201GroundTruth(rows, columns);
    }

    /// <summary>
    /// An <see cref="ArgumentException"/> (for <paramref name="paramName"/>) listing the columns when there is no
    /// <paramref name="column"/>: callers check a user's column before expensive work, not at the first lookup.
    /// </summary>
    public void RequireColumn(string column, string? paramName = null)
    {
        if (!_columns.ContainsKey(column))
        {
            throw new ArgumentException($"no ground-truth column '{column}' in {RelativePath} (columns: {string.Join(", ", Columns)})", paramName);
        }
    }

    /// <summary>The value of <paramref name="column"/> for a cell; errors name a missing cell or column.</summary>
    public double Lookup(Nb201Genotype genotype, string column)
    {
        if (!_columns.TryGetValue(column, out var values))
        {
            throw new KeyNotFoundException($"no numeric column '{column}' in the NB201 table (columns: {string.Join(", ", _columns.Keys)})");
        }

        if (!_rows.TryGetValue(genotype, out var row))
        {
            throw new KeyNotFoundException($"cell {genotype} is not in the NB201 table");
        }

        return values[row];
    }
}
