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
            var positive = activation.reshape(count, -1).relu().sign();
            var codes = positive.to_type(ScalarType.Float64);
            var complement = positive.logical_not().to_type(ScalarType.Float64);
            TensorArithmetic.AddInPlace(kernel, codes.matmul(codes.t()));
            TensorArithmetic.AddInPlace(kernel, complement.matmul(complement.t()));
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
}
