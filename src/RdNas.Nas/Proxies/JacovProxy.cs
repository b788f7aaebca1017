using RdNas.Nas.Modules;
using static TorchSharp.torch;

namespace RdNas.Nas.Proxies;

/// <summary>
/// jacov (Mellor et al., "Neural Architecture Search without Training", 2020 version): J = gradients of the summed
/// logits with respect to each input image; with λ the eigenvalues of corrcoef(J), the score is
/// −Σ (log(λ + k) + 1/(λ + k)), k = 1e-5. Networks whose images have less correlated Jacobians score higher.
/// </summary>
public sealed class JacovProxy : IZeroCostProxy
{
    private const double K = 1e-5;

    /// <inheritdoc />
    public string Name => "jacov";

    /// <inheritdoc />
    public bool NeedsData => true;

    /// <inheritdoc />
    public double Score(ProxyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (network, batch) = input.TrainingNetworkAndBatch(Name);
        var images = batch.Images.detach().clone().requires_grad_(true);
        network.forward(images, input.Genotype).sum().backward();
        var jacobian = images.grad!.reshape(images.shape[0], -1).to_type(ScalarType.Float64);
        var eigenvalues = TensorArithmetic.AddScalar(linalg.eigvalsh(corrcoef(jacobian)), K);
        return -TensorArithmetic.Add(eigenvalues.log(), eigenvalues.reciprocal()).sum().item<double>();
    }
}
