using RdNas.Nas.Modules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RdNas.Nas.Proxies;

/// <summary>
/// Zen-score (Lin et al., ICCV 2021), as NASLib computes it: convolution and linear weights drawn from N(0, 1), biases
/// 0, batch-norm γ = 1 and β = 0; for a Gaussian input x and a perturbation ε (batch 64), Δ = mean over images of
/// Σ |f(x) − f(x + 0.01 ε)| on the feature map before global pooling; the score is log Δ + Σ_BN log √mean(running_var),
/// the running variances being those the two training-mode passes leave. Data-free: x and ε come from the scorer's seed.
/// </summary>
public sealed class ZenProxy : IZeroCostProxy
{
    private const int BatchSize = 64;
    private const double MixupGamma = 1e-2;

    /// <inheritdoc />
    public string Name => "zen";

    /// <inheritdoc />
    public bool NeedsData => false;

    /// <inheritdoc />
    public double Score(ProxyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var network = input.CreateNetwork();
        return ScoreNetwork(network, x => network.Features(x, input.Genotype), side: 32, input.Seed);
    }

    /// <summary>
    /// The Zen-score of any network with batch norm: <paramref name="features"/> gives its feature map before global
    /// pooling for images of <paramref name="side"/> × <paramref name="side"/>; the network's weights are overwritten.
    /// </summary>
    public static double ScoreNetwork(nn.Module network, Func<Tensor, Tensor> features, int side, long seed)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(features);
        network.train();
        using var noGrad = no_grad();
        using var generator = new Generator(unchecked((ulong)seed), CPU);
        // Explicit dtype: the default is process-wide, and a Synflow network is built in float64 on another worker.
        GaussianInit(network, generator);
        var x = ChannelsLast(randn([BatchSize, 3, side, side], ScalarType.Float32, generator: generator));
        var epsilon = ChannelsLast(randn([BatchSize, 3, side, side], ScalarType.Float32, generator: generator));
        var mixup = TensorArithmetic.Add(x, epsilon, MixupGamma);
        var output = features(x);
        var mixupOutput = features(mixup);
        var delta = TensorArithmetic.Add(output, mixupOutput, -1).abs().sum([1, 2, 3]).mean().to_type(ScalarType.Float64).item<double>();
        var logBnScaling = network.modules().OfType<TrackedBatchNorm2d>()
            .Sum(bn => 0.5 * Math.Log(bn.RunningVariance.mean().to_type(ScalarType.Float64).item<double>()));
        return Math.Log(delta) + logBnScaling;
    }

    // The same values in channels-last memory, as the CIFAR batcher lays images out, so the convolutions run in NHWC.
    // On an AVX-512 machine libtorch 2.10's oneDNN ran NCHW convolutions of widths that are not a multiple of 16
    // (ResNet48's 56, 120, 208 ...) in padded blocked layouts whose output held NaN now and then, the same call NaN once
    // and finite the next (never with DNNL_MAX_CPU_ISA=AVX2 or DNNL_PRIMITIVE_CACHE_CAPACITY=0): Zen scored NaN.
    private static Tensor ChannelsLast(Tensor nchw) => nchw.permute(0, 2, 3, 1).contiguous().permute(0, 3, 1, 2);

    private static void GaussianInit(nn.Module network, Generator generator)
    {
        foreach (var module in network.modules())
        {
            switch (module)
            {
                case Conv2d conv:
                    conv.weight!.normal_(0, 1, generator);
                    conv.bias?.zero_();
                    break;
                case Linear linear:
                    linear.weight!.normal_(0, 1, generator);
                    linear.bias?.zero_();
                    break;
                case TrackedBatchNorm2d bn:
                    bn.ResetAffine();
                    break;
            }
        }
    }
}
