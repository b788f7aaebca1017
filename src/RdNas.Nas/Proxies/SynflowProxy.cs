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
        return ScoreNetwork(network, x => network.forward(x, input.Genotype), side: 32);
    }

    /// <summary>
    /// The Synflow score of any network built without batch norm in float64: <paramref name="forward"/> gives its
    /// outputs for images of <paramref name="side"/> × <paramref name="side"/>; the network's weights are overwritten.
    /// </summary>
    public static double ScoreNetwork(nn.Module network, Func<Tensor, Tensor> forward, int side)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(forward);
        using (no_grad())
        {
            foreach (var parameter in network.parameters())
            {
                parameter.abs_();
            }
        }

        network.train();
        using var allOnes = ones([1, 3, side, side], ScalarType.Float64);
        forward(allOnes).sum().backward();
        return LayerMetrics.SumOverWeights(network, (weight, grad) => (weight * grad).abs());
    }
}
