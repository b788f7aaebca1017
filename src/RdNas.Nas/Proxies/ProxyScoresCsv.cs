using System.Globalization;
using System.Text;
using RdNas.Nas.Data;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Proxies;

/// <summary>
/// Writes and reads proxy scores as CSV: <c>arch</c> then one column per proxy, named as the proxy; a disconnected cell's lowest
/// score is written <c>-inf</c>. Written to a temporary file and renamed, so a crash leaves no half-written table.
/// </summary>
public static class ProxyScoresCsv
{
    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, ProxyTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = new StringBuilder("arch");
        foreach (var column in table.Columns)
        {
            csv.Append(',').Append(column.Name);
        }

        csv.Append('\n');
        for (var i = 0; i < table.Cells.Count; i++)
        {
            csv.Append(table.Cells[i].ToString());
            for (var j = 0; j < table.Columns.Count; j++)
            {
                var score = table[i, j];
                csv.Append(',').Append(double.IsNegativeInfinity(score) ? "-inf" : score.ToString("R", CultureInfo.InvariantCulture));
            }

            csv.Append('\n');
        }

        AtomicFile.WriteAllText(path, csv.ToString());
    }

    /// <summary>
    /// Reads a table written by <see cref="Write"/>: the cells and each column's values by name. A malformed file is an
    /// error naming the file and line.
    /// </summary>
    public static (IReadOnlyList<Nb201Genotype> Cells, IReadOnlyDictionary<string, double[]> Columns) Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines.Length > 0 ? lines[0].Split(',') : [];
        if (header.Length < 2 || header[0] != "arch")
        {
            throw new InvalidDataException($"{path}: expected a header 'arch,<proxy>...'");
        }

        var cells = new List<Nb201Genotype>();
        var values = header.Skip(1).Select(_ => new List<double>()).ToList();
        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split(',');
            if (fields.Length != header.Length)
            {
                throw new InvalidDataException($"{path}:{i + 1}: {fields.Length} fields, expected {header.Length}");
            }

            try
            {
                cells.Add(Nb201Genotype.Parse(fields[0]));
                for (var j = 1; j < fields.Length; j++)
                {
                    values[j - 1].Add(fields[j] == "-inf" ? double.NegativeInfinity : double.Parse(fields[j], NumberStyles.Float, CultureInfo.InvariantCulture));
                }
            }
            catch (Exception e) when (e is FormatException or SearchSpaces.ArchitectureFormatException)
            {
                throw new InvalidDataException($"{path}:{i + 1}: {e.Message}", e);
            }
        }

        return (cells, header.Skip(1).Select((name, j) => (name, j)).ToDictionary(x => x.name, x => values[x.j].ToArray()));
    }
}
