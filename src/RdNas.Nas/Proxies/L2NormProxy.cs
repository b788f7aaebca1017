using static TorchSharp.torch;

namespace RdNas.Nas.Proxies;

/// <summary>
/// l2_norm (NASLib, NAS-Bench-Suite-Zero): Σ over the subnet's convolution and linear layers of ‖W‖₂ at
/// initialisation. Data-free; with a fixed initialiser it grows with the number and size of the layers.
/// </summary>
public sealed class L2NormProxy : IZeroCostProxy
{
    /// <inheritdoc />
    public string Name => "l2_norm";

    /// <inheritdoc />
    public bool NeedsData => false;

    /// <inheritdoc />
    public double Score(ProxyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var network = input.CreateNetwork();
        using var noGrad = no_grad();
        return LayerMetrics.Weights(network.SubnetModules(input.Genotype)).Sum(weight => weight.norm().to_type(ScalarType.Float64).item<double>());
    }
}
