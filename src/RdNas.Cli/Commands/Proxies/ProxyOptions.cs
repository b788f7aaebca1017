using System.CommandLine;
using RdNas.Nas.Proxies;

namespace RdNas.Cli.Commands.Proxies;

/// <summary>Options the proxy commands share.</summary>
internal static class ProxyOptions
{
    public static readonly Option<string> Proxy = new("--proxy")
    {
        Description = $"Proxy name(s), comma-separated: {string.Join(", ", ProxyRegistry.Names)}; or an average-rank ensemble such as {ProxyColumn.EnsemblePrefix}nwot+jacov+synflow",
        Required = true,
    };

    public static readonly Option<long> Seed = new("--seed")
    {
        Description = "Seed of the networks' initialisation (and of the proxy batch)",
        DefaultValueFactory = _ => 0,
    };

    public static readonly Option<int> Workers = new("--workers")
    {
        Description = "Cells scored at once, one core each (the scores do not depend on it)",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };

    /// <summary>The worker count; an invalid-input error below 1.</summary>
    public static int WorkersOf(ParseResult parseResult)
    {
        var workers = parseResult.GetValue(Workers);
        return workers >= 1 ? workers : throw new ArgumentException($"--workers must be at least 1 (got {workers})");
    }
}
