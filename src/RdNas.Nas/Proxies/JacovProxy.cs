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
        var eigenvalues = TensorArithmetic.AddScalar(linalg.eigvalsh(corrcoef(input.InputJacobian(Name))), K);
        return -TensorArithmetic.Add(eigenvalues.log(), eigenvalues.reciprocal()).sum().item<double>();
    }
}
