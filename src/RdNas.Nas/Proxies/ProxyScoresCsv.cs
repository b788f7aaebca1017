using System.Globalization;
using System.Text;
using RdNas.Nas.Data;

namespace RdNas.Nas.Proxies;

/// <summary>
/// Writes proxy scores as CSV: <c>arch</c> then one column per proxy, named as the proxy; a disconnected cell's lowest
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
}
