using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Proxies;

/// <summary>A proxy produced a score that is not a finite number; names the proxy, the architecture and the value.</summary>
public sealed class ProxyScoreException(string proxy, Nb201Genotype genotype, double score)
    : Exception($"proxy {proxy} scored {genotype} as {score}: not a finite number");
