using System.CommandLine;
using RdNas.Nas.Proxies;

namespace RdNas.Cli.Commands.Proxies;

/// <summary>Options the proxy commands share.</summary>
internal static class ProxyOptions
{
    public static readonly Option<string> Proxy = new("--proxy")
    {
        Description = $"Proxy name(s), comma-separated: {string.Join(", ", ProxyRegistry.Names)}",
        Required = true,
    };

    public static readonly Option<long> Seed = new("--seed")
    {
        Description = "Seed of the networks' initialisation",
        DefaultValueFactory = _ => 0,
    };
}
