using RdNas.Nas.Data;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Proxies;

/// <summary>Proxy scores of a set of cells: one value per column and cell.</summary>
public sealed class ProxyTable
{
    private readonly double[][] _values;

    private ProxyTable(IReadOnlyList<Nb201Genotype> cells, IReadOnlyList<ProxyColumn> columns, double[][] values)
    {
        Cells = cells;
        Columns = columns;
        _values = values;
    }

    /// <summary>The cells, in row order.</summary>
    public IReadOnlyList<Nb201Genotype> Cells { get; }

    /// <summary>The columns, in order.</summary>
    public IReadOnlyList<ProxyColumn> Columns { get; }

    /// <summary>
    /// Scores <paramref name="cells"/> for <paramref name="columns"/> on <paramref name="workers"/> threads: each proxy an
    /// ensemble needs is scored once, then the ensembles are ranked over these cells. With a <paramref name="journal"/>
    /// (see <see cref="OpenJournal"/>) the scoring survives being stopped.
    /// </summary>
    public static ProxyTable Score(
        ProxyScorer scorer,
        IReadOnlyList<ProxyColumn> columns,
        IReadOnlyList<Nb201Genotype> cells,
        int workers,
        Action? cellDone = null,
        KeyedScoreJournal? journal = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var proxies = ProxyColumn.ProxiesOf(columns);
        var byCell = ParallelProxyScoring.Score(scorer, proxies, cells, workers, cellDone, journal, cancellationToken);
        var byProxy = proxies.Select((p, j) => (p.Name, Scores: byCell.Select(row => row[j]).ToArray())).ToDictionary(x => x.Name, x => x.Scores);
        return new ProxyTable(cells, columns, [.. columns.Select(c => c.Values(byProxy))]);
    }

    /// <summary>
    /// The journal of a scoring of <paramref name="columns"/> by <paramref name="scorer"/> that will write
    /// <paramref name="output"/>: <c>OUTPUT.partial</c>, continued when an earlier run of the same settings left one.
    /// </summary>
    public static KeyedScoreJournal OpenJournal(string output, ProxyScorer scorer, IReadOnlyList<ProxyColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        var proxies = ProxyColumn.ProxiesOf(columns);
        var signature = System.FormattableString.Invariant(
            $"# rdnas proxy journal v1; proxies={string.Join('+', proxies.Select(p => p.Name))}; seed={scorer.Seed}; shape={scorer.Shape}");
        return new KeyedScoreJournal(output + ".partial", signature, proxies.Count);
    }

    /// <summary>The values of column <paramref name="index"/>, in cell order.</summary>
    public IReadOnlyList<double> Column(int index) => _values[index];

    /// <summary>The value of column <paramref name="column"/> for cell <paramref name="cell"/>.</summary>
    public double this[int cell, int column] => _values[column][cell];
}
