using RdNas.Nas.Supernets.Nb201;
using static TorchSharp.torch;

namespace RdNas.Nas.Proxies;

/// <summary>
/// The shared first half of the gradient-based proxies (SNIP, grad_norm, plain): a freshly initialised network in
/// training mode, one cross-entropy loss on the real batch, back-propagated.
/// </summary>
internal static class GradientProxy
{
    public static Nb201Supernet BackpropagateLoss(ProxyInput input, string proxy)
    {
        var (network, batch) = input.TrainingNetworkAndBatch(proxy);
        nn.functional.cross_entropy(network.forward(batch.Images, input.Genotype), batch.Labels).backward();
        return network;
    }
}
