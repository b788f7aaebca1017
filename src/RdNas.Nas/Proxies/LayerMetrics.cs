using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RdNas.Nas.Proxies;

/// <summary>
/// The per-layer sum most proxies share: Σ over convolution and linear weights that received a gradient of a
/// per-weight metric (the layers NASLib's <c>get_layer_metric_array</c> visits). Candidate operations the subnet does
/// not use have no gradient and do not count.
/// </summary>
public static class LayerMetrics
{
    /// <summary>Σ over layers of Σ metric(weight, gradient).</summary>
    public static double SumOverWeights(nn.Module network, Func<Tensor, Tensor, Tensor> metric)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(metric);
        using var scope = NewDisposeScope();
        double total = 0;
        foreach (var weight in Weights(network))
        {
            if (weight.grad is { } grad)
            {
                total += metric(weight, grad).sum().to_type(ScalarType.Float64).item<double>();
            }
        }

        return total;
    }

    /// <summary>The weights of every convolution and linear layer of <paramref name="network"/>, in module order.</summary>
    public static IEnumerable<Parameter> Weights(nn.Module network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return Weights(network.modules());
    }

    /// <summary>The weights of the convolution and linear layers among <paramref name="modules"/>, in order.</summary>
    public static IEnumerable<Parameter> Weights(IEnumerable<nn.Module> modules)
    {
        ArgumentNullException.ThrowIfNull(modules);
        foreach (var module in modules)
        {
            var weight = module switch
            {
                Conv2d conv => conv.weight,
                Linear linear => linear.weight,
                _ => null,
            };
            if (weight is not null)
            {
                yield return weight;
            }
        }
    }
}
