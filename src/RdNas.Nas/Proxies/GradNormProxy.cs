namespace RdNas.Nas.Proxies;

/// <summary>
/// grad_norm (Abdelfattah et al., ICLR 2021): Σ over convolution and linear layers of ‖∂L/∂W‖₂ for one cross-entropy
/// minibatch at initialisation.
/// </summary>
public sealed class GradNormProxy : IZeroCostProxy
{
    /// <inheritdoc />
    public string Name => "grad_norm";

    /// <inheritdoc />
    public bool NeedsData => true;

    /// <inheritdoc />
    public double Score(ProxyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var network = input.LossGradients(Name);
        return LayerMetrics.SumOverWeights(network, (_, grad) => grad.norm());
    }
}
