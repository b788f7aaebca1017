namespace RdNas.Nas.Proxies;

/// <summary>A proxy produced a score that is not a finite number; names the proxy, the architecture and the value.</summary>
public sealed class ProxyScoreException(string proxy, string architecture, double score)
    : Exception($"proxy {proxy} scored {architecture} as {score}: not a finite number");
