namespace RdNas.Nas.Proxies;

/// <summary>
/// plain (Abdelfattah et al., ICLR 2021; Mozer and Smolensky's first-order saliency): Σ θ ⊙ ∂L/∂θ over convolution and
/// linear weights, signed, for one cross-entropy minibatch at initialisation.
/// </summary>
public sealed class PlainProxy : IZeroCostProxy
{
    /// <inheritdoc />
    public string Name => "plain";

    /// <inheritdoc />
    public bool NeedsData => true;

    /// <inheritdoc />
    public double Score(ProxyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var network = input.LossGradients(Name);
        return LayerMetrics.SumOverWeights(network, (weight, grad) => weight * grad);
    }
}
