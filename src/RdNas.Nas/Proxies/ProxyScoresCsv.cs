using System.Globalization;
using System.Text;
using RdNas.Nas.Data;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Proxies;

/// <summary>
/// Writes proxy scores as CSV: <c>arch</c> then one column per proxy, named as the proxy; a disconnected cell's lowest
/// score is written <c>-inf</c>. Written to a temporary file and renamed, so a crash leaves no half-written table.
/// </summary>
public static class ProxyScoresCsv
{
    /// <summary>Writes <paramref name="scores"/>[cell][proxy] to <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<Nb201Genotype> cells, IReadOnlyList<IZeroCostProxy> proxies, double[][] scores)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(proxies);
        ArgumentNullException.ThrowIfNull(scores);
        var csv = new StringBuilder("arch");
        foreach (var proxy in proxies)
        {
            csv.Append(',').Append(proxy.Name);
        }

        csv.Append('\n');
        for (var i = 0; i < cells.Count; i++)
        {
            csv.Append(cells[i].ToString());
            foreach (var score in scores[i])
            {
                csv.Append(',').Append(double.IsNegativeInfinity(score) ? "-inf" : score.ToString("R", CultureInfo.InvariantCulture));
            }

            csv.Append('\n');
        }

        AtomicFile.WriteAllText(path, csv.ToString());
    }
}
