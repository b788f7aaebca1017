using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;
using static TorchSharp.torch;

namespace RdNas.Nas.Proxies;

/// <summary>
/// What a proxy may use: the architecture, freshly initialised networks of the benchmark shape built from the
/// scorer's seed, and the scorer's real batch for data-dependent proxies.
/// </summary>
public sealed class ProxyInput
{
    private readonly long _seed;
    private readonly List<Nb201Supernet> _networks = [];

    private readonly ProxyBatch? _batch;

    internal ProxyInput(Nb201Genotype genotype, Nb201SupernetOptions shape, long seed, ProxyBatch? batch)
    {
        Genotype = genotype;
        Shape = shape;
        _seed = seed;
        _batch = batch;
    }

    /// <summary>The architecture scored.</summary>
    public Nb201Genotype Genotype { get; }

    /// <summary>The network shape scored (the benchmark's C=16, N=5 by default).</summary>
    public Nb201SupernetOptions Shape { get; }

    /// <summary>
    /// A freshly initialised network for <see cref="Genotype"/>: the same weights for the same seed and shape, whichever
    /// proxy asks and in whatever order. Disposed by the scorer after the proxy returns.
    /// </summary>
    public Nb201Supernet CreateNetwork(bool batchNorm = true, ScalarType dtype = ScalarType.Float32)
    {
        var network = Nb201NetworkFactory.Create(Shape with { BatchNorm = batchNorm }, _seed, dtype);
        _networks.Add(network);
        return network;
    }

    /// <summary>
    /// A fresh network in training mode (batch statistics, as the published proxies were computed) and the real batch
    /// it is to see: the start of every data-dependent proxy.
    /// </summary>
    public (Nb201Supernet Network, ProxyBatch Batch) TrainingNetworkAndBatch(string proxy)
    {
        var batch = RequireBatch(proxy);
        var network = CreateNetwork();
        network.train();
        return (network, batch);
    }

    /// <summary>The real batch; an error naming the proxy when the scorer was built without data.</summary>
    public ProxyBatch RequireBatch(string proxy) =>
        _batch ?? throw new InvalidOperationException($"proxy {proxy} needs real images, but the scorer was built without a data batch");

    internal void DisposeNetworks()
    {
        foreach (var network in _networks)
        {
            network.Dispose();
        }

        _networks.Clear();
    }
}
