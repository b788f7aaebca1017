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
        new NwotProxy(),
        new GraspProxy(),
        new FisherProxy(),
        new ZenProxy(),
        new L2NormProxy(),
        new EpeNasProxy());

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
