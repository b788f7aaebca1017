using RdNas.Nas.Evaluation.Metrics;

namespace RdNas.Nas.Proxies;

/// <summary>
/// One column of a proxy score table: a single proxy's scores, or an ensemble (<c>ensemble:nwot+jacov+synflow</c>)
/// whose value for a cell is the mean, over its members, of the cell's rank among the cells scored together (ties
/// share their average rank). An ensemble's values therefore compare cells of one table, not across tables.
/// </summary>
public sealed class ProxyColumn
{
    /// <summary>The prefix of an ensemble column.</summary>
    public const string EnsemblePrefix = "ensemble:";

    private ProxyColumn(string name, IReadOnlyList<IZeroCostProxy> members)
    {
        Name = name;
        Members = members;
    }

    /// <summary>The column's name: the proxy's, or <c>ensemble:</c> and the members joined by <c>+</c>.</summary>
    public string Name { get; }

    /// <summary>The proxies whose scores make the column.</summary>
    public IReadOnlyList<IZeroCostProxy> Members { get; }

    /// <summary>Whether the column combines several proxies.</summary>
    public bool IsEnsemble => Members.Count > 1;

    /// <summary>Whether any member needs real images.</summary>
    public bool NeedsData => Members.Any(m => m.NeedsData);

    /// <summary>The column of one proxy.</summary>
    public static ProxyColumn Of(IZeroCostProxy proxy) => new((proxy ?? throw new ArgumentNullException(nameof(proxy))).Name, [proxy]);

    /// <summary>
    /// The column named <paramref name="name"/>: a proxy name, or <c>ensemble:a+b+…</c> with two or more distinct proxies.
    /// <paramref name="checkName"/>, when given, checks every proxy name first (a space that scores only some proxies
    /// says why it refuses one) and returns the name to look up.
    /// </summary>
    public static ProxyColumn Parse(string name, Func<string, string>? checkName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        name = name.Trim();
        var get = checkName is null ? ProxyRegistry.Get : (Func<string, IZeroCostProxy>)(proxy => ProxyRegistry.Get(checkName(proxy)));
        if (!name.StartsWith(EnsemblePrefix, StringComparison.Ordinal))
        {
            return Of(get(name));
        }

        var members = name[EnsemblePrefix.Length..].Split('+', StringSplitOptions.TrimEntries).ToList();
        if (members.Count < 2 || members.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException($"'{name}': an ensemble names two or more proxies joined by '+', such as {EnsemblePrefix}nwot+jacov+synflow", nameof(name));
        }

        var repeated = members.GroupBy(m => m).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"'{name}': proxy '{repeated.Key}' is listed twice", nameof(name));
        }

        var proxies = members.Select(get).ToList();
        return new ProxyColumn(EnsemblePrefix + string.Join('+', proxies.Select(p => p.Name)), proxies);
    }

    /// <summary>
    /// The columns of a comma-separated list such as <c>synflow,ensemble:nwot+jacov</c>; a repeated column is an error.
    /// <paramref name="checkName"/> as for <see cref="Parse"/>.
    /// </summary>
    public static IReadOnlyList<ProxyColumn> ParseList(string names, Func<string, string>? checkName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(names);
        var columns = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name => Parse(name, checkName)).ToList();
        var repeated = columns.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        return repeated is null ? columns : throw new ArgumentException($"proxy '{repeated.Key}' is listed twice", nameof(names));
    }

    /// <summary>The distinct proxies <paramref name="columns"/> need, in first-use order.</summary>
    public static IReadOnlyList<IZeroCostProxy> ProxiesOf(IEnumerable<ProxyColumn> columns) =>
        [.. (columns ?? throw new ArgumentNullException(nameof(columns))).SelectMany(c => c.Members).DistinctBy(p => p.Name)];

    /// <summary>
    /// The column's value for each cell, from <paramref name="scoresByProxy"/> (every member's scores over the same
    /// cells, in cell order).
    /// </summary>
    public double[] Values(IReadOnlyDictionary<string, double[]> scoresByProxy)
    {
        ArgumentNullException.ThrowIfNull(scoresByProxy);
        if (!IsEnsemble)
        {
            return scoresByProxy[Name];
        }

        var ranks = Members.Select(m => SpearmanRho.AverageRanks(scoresByProxy[m.Name])).ToList();
        return [.. Enumerable.Range(0, ranks[0].Length).Select(cell => ranks.Average(r => r[cell]))];
    }
}
