using RdNas.Nas.Modules;
using static TorchSharp.torch;

namespace RdNas.Nas.Proxies;

/// <summary>
/// GraSP (Wang et al., ICLR 2020; as a NAS proxy, Abdelfattah et al., ICLR 2021): with g = ∂L/∂θ for one cross-entropy
/// minibatch and H the Hessian of L, the score is Σ −θ ⊙ (H g) over convolution and linear weights; H g comes from
/// back-propagating gᵀ ∂L/∂θ through a second, differentiable gradient pass (as NASLib does). Negative scores are
/// common; higher still predicts better.
/// </summary>
public sealed class GraspProxy : IZeroCostProxy
{
    /// <inheritdoc />
    public string Name => "grasp";

    /// <inheritdoc />
    public bool NeedsData => true;

    /// <inheritdoc />
    public double Score(ProxyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (network, batch) = input.TrainingNetworkAndBatch(Name);
        nn.functional.cross_entropy(network.forward(batch.Images, input.Genotype), batch.Labels).backward();

        // The weights the loss reaches (a cell's cut-off operations have no gradient), and g, fixed.
        var weights = LayerMetrics.Weights(network).Where(w => w.grad is not null).ToList();
        var gradient = weights.Select(w => w.grad!.detach().clone()).ToList();
        network.zero_grad(set_to_none: true);

        var loss = nn.functional.cross_entropy(network.forward(batch.Images, input.Genotype), batch.Labels);
        var differentiable = autograd.grad([loss], [.. weights], retain_graph: true, create_graph: true);
        var gradientDotGradient = weights.Select((_, i) => (gradient[i] * differentiable[i]).sum()).Aggregate((a, b) => TensorArithmetic.Add(a, b));
        gradientDotGradient.backward();
        return LayerMetrics.SumOverWeights(network, (weight, hessianGradient) => -(weight * hessianGradient));
    }
}
