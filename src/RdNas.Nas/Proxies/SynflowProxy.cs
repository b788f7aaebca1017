using static TorchSharp.torch;

namespace RdNas.Nas.Proxies;

/// <summary>
/// Synflow (Tanaka et al., NeurIPS 2020; as a NAS proxy, Abdelfattah et al., ICLR 2021): with every parameter replaced
/// by its absolute value, batch norm removed and double precision, R = Σ f(1) for an all-ones input, and the score is
/// Σ |θ ⊙ ∂R/∂θ| over convolution and linear weights. Data-free; measures the synaptic flow the architecture lets
/// through.
/// </summary>
public sealed class SynflowProxy : IZeroCostProxy
{
    /// <inheritdoc />
    public string Name => "synflow";

    /// <inheritdoc />
    public bool NeedsData => false;

    /// <inheritdoc />
    public double Score(ProxyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var network = input.CreateNetwork(batchNorm: false, ScalarType.Float64);
        using (no_grad())
        {
            foreach (var parameter in network.parameters())
            {
                parameter.abs_();
            }
        }

        network.train();
        using var allOnes = ones([1, 3, 32, 32], ScalarType.Float64);
        network.forward(allOnes, input.Genotype).sum().backward();
        return LayerMetrics.SumOverWeights(network, (weight, grad) => (weight * grad).abs());
    }
}
