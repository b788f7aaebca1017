namespace RdNas.Nas.Proxies;

/// <summary>Every zero-cost proxy the project has, by name; the one place a new proxy is listed.</summary>
public static class ProxyRegistry
{
    private static readonly Dictionary<string, IZeroCostProxy> s_proxies = Build(
        new ParamsProxy(),
        new FlopsProxy(),
        new SynflowProxy(),
        new SnipProxy(),
        new GradNormProxy(),
        new PlainProxy(),
        new JacovProxy(),
        new NwotProxy());

    /// <summary>The proxies' names, in registry order.</summary>
    public static IReadOnlyCollection<string> Names => s_proxies.Keys;

    /// <summary>The proxy called <paramref name="name"/>; an error listing the valid names otherwise.</summary>
    public static IZeroCostProxy Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return s_proxies.TryGetValue(name.Trim(), out var proxy)
            ? proxy
            : throw new ArgumentException($"unknown proxy '{name}' (expected one of {string.Join(", ", s_proxies.Keys)})", nameof(name));
    }

    /// <summary>The proxies of a comma-separated list such as <c>synflow,flops</c>; duplicates are an error.</summary>
    public static IReadOnlyList<IZeroCostProxy> Parse(string names)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(names);
        var proxies = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Get).ToList();
        var repeated = proxies.GroupBy(p => p.Name).FirstOrDefault(g => g.Count() > 1);
        return repeated is null ? proxies : throw new ArgumentException($"proxy '{repeated.Key}' is listed twice", nameof(names));
    }

    private static Dictionary<string, IZeroCostProxy> Build(params IZeroCostProxy[] proxies)
    {
        var byName = new Dictionary<string, IZeroCostProxy>(StringComparer.Ordinal);
        foreach (var proxy in proxies)
        {
            if (!byName.TryAdd(proxy.Name, proxy))
            {
                throw new InvalidOperationException($"two proxies are registered as '{proxy.Name}'");
            }
        }

        return byName;
    }
}
