using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;
using static TorchSharp.torch;

namespace RdNas.Nas.Proxies;

/// <summary>
/// What a proxy may use: the architecture, freshly initialised networks of the benchmark shape built from the
/// scorer's seed, and the scorer's real batch for data-dependent proxies. Work that several proxies share (one
/// back-propagated loss, the input Jacobian) is done once per cell and kept here until the scorer is done with it.
/// </summary>
public sealed class ProxyInput : IDisposable
{
    private readonly List<Nb201Supernet> _networks = [];
    private readonly ProxyBatch? _batch;
    private Nb201Supernet? _lossNetwork;
    private Tensor? _jacobian;

    internal ProxyInput(Nb201Genotype genotype, Nb201SupernetOptions shape, long seed, ProxyBatch? batch)
    {
        Genotype = genotype;
        Shape = shape;
        Seed = seed;
        _batch = batch;
    }

    /// <summary>The architecture scored.</summary>
    public Nb201Genotype Genotype { get; }

    /// <summary>The network shape scored (the benchmark's C=16, N=5 by default).</summary>
    public Nb201SupernetOptions Shape { get; }

    /// <summary>The scorer's seed: every network's initialisation, and any random draw a proxy makes.</summary>
    public long Seed { get; }

    /// <summary>
    /// A freshly initialised network for <see cref="Genotype"/>: the same weights for the same seed and shape, whichever
    /// proxy asks and in whatever order. Lent by <see cref="InitialNetworkPool.Shared"/> and handed back with this input.
    /// </summary>
    public Nb201Supernet CreateNetwork(bool batchNorm = true, ScalarType dtype = ScalarType.Float32)
    {
        var network = InitialNetworkPool.Shared.Rent(Shape with { BatchNorm = batchNorm }, Seed, dtype);
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

    /// <summary>
    /// A fresh training-mode network after one cross-entropy loss on the real batch was back-propagated: the weights'
    /// gradients are what SNIP, grad_norm and plain read. Computed once per cell; proxies must not change it.
    /// </summary>
    public Nb201Supernet LossGradients(string proxy)
    {
        if (_lossNetwork is null)
        {
            var (network, batch) = TrainingNetworkAndBatch(proxy);
            using var scope = NewDisposeScope();
            nn.functional.cross_entropy(network.forward(batch.Images, Genotype), batch.Labels).backward();
            _lossNetwork = network;
        }

        return _lossNetwork;
    }

    /// <summary>
    /// J: the gradient of the summed logits with respect to each image of the real batch, one row per image
    /// (N × 3072, float64), on a fresh training-mode network. Computed once per cell (jacov and epe_nas read it).
    /// </summary>
    public Tensor InputJacobian(string proxy)
    {
        if (_jacobian is null)
        {
            var (network, batch) = TrainingNetworkAndBatch(proxy);
            using var scope = NewDisposeScope();
            var images = batch.Images.detach().clone().requires_grad_(true);
            network.forward(images, Genotype).sum().backward();
            _jacobian = images.grad!.reshape(images.shape[0], -1).to_type(ScalarType.Float64).DetachFromDisposeScope();
        }

        return _jacobian;
    }

    /// <summary>The real batch; an error naming the proxy when the scorer was built without data.</summary>
    public ProxyBatch RequireBatch(string proxy) =>
        _batch ?? throw new InvalidOperationException($"proxy {proxy} needs real images, but the scorer was built without a data batch");

    /// <summary>Hands back every network and frees every shared result of this cell.</summary>
    public void Dispose()
    {
        foreach (var network in _networks)
        {
            InitialNetworkPool.Shared.Return(network);
        }

        _networks.Clear();
        _jacobian?.Dispose();
        _jacobian = null;
        _lossNetwork = null;
    }
}
