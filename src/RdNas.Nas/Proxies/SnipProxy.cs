namespace RdNas.Nas.Proxies;

/// <summary>
/// SNIP (Lee et al., ICLR 2019; as a NAS proxy, Abdelfattah et al., ICLR 2021): Σ |θ ⊙ ∂L/∂θ| over convolution and
/// linear weights for one cross-entropy minibatch at initialisation: the loss's sensitivity to removing each weight.
/// </summary>
public sealed class SnipProxy : IZeroCostProxy
{
    /// <inheritdoc />
    public string Name => "snip";

    /// <inheritdoc />
    public bool NeedsData => true;

    /// <inheritdoc />
    public double Score(ProxyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var network = input.LossGradients(Name);
        return LayerMetrics.SumOverWeights(network, (weight, grad) => (weight * grad).abs());
    }
}
