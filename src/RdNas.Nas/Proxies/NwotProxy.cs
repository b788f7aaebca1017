using RdNas.Nas.Modules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RdNas.Nas.Proxies;

/// <summary>
/// NWOT (Mellor et al., ICML 2021): each image's binary code is which ReLU inputs are positive; with
/// K = Σ_ReLU [c cᵀ + (1 − c)(1 − c)ᵀ] (Hamming similarity of the codes, N × N), the score is log |det K|.
/// Networks that give different images more distinct activation patterns score higher.
/// </summary>
public sealed class NwotProxy : IZeroCostProxy
{
    /// <inheritdoc />
    public string Name => "nwot";

    /// <inheritdoc />
    public bool NeedsData => true;

    /// <inheritdoc />
    public double Score(ProxyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (network, batch) = input.TrainingNetworkAndBatch(Name);
        var count = batch.Images.shape[0];
        var kernel = zeros([count, count], ScalarType.Float64);
        var hooks = network.modules().OfType<ReLU>().Select(relu => relu.register_forward_pre_hook((_, activation) =>
        {
            using var scope = NewDisposeScope();
            TensorArithmetic.AddInPlace(kernel, HammingSimilarity(activation.reshape(count, -1)));
            return activation;
        })).ToList();
        try
        {
            using (no_grad())
            {
                network.forward(batch.Images, input.Genotype);
            }
        }
        finally
        {
            hooks.ForEach(hook => hook.remove());
        }

        return linalg.slogdet(kernel).Item2.item<double>();
    }

    // c cᵀ + (1 − c)(1 − c)ᵀ = 2 c cᵀ − r 1ᵀ − 1 rᵀ + D for binary codes c (N × D) with row sums r: one product instead
    // of two, in float32, which holds these integer counts exactly (D ≤ 2²⁴).
    private static Tensor HammingSimilarity(Tensor activation)
    {
        var codes = activation.relu().sign().to_type(ScalarType.Float32);
        var agreeing = codes.matmul(codes.t()).to_type(ScalarType.Float64);
        var ones = codes.sum(1, keepdim: true).to_type(ScalarType.Float64);
        var similarity = TensorArithmetic.Add(TensorArithmetic.Add(agreeing, agreeing), TensorArithmetic.Add(ones, ones.t()), -1);
        return TensorArithmetic.AddScalar(similarity, activation.shape[1]);
    }
}
