using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RdNas.Nas.Modules;

/// <summary>
/// 2-D batch norm with running statistics, the same parameters and buffers as PyTorch's (<c>weight</c>, <c>bias</c>,
/// <c>running_mean</c>, <c>running_var</c>, <c>num_batches_tracked</c>).
/// </summary>
/// <remarks>
/// Replaces TorchSharp 0.107's <c>BatchNorm2d</c>, whose forward counts batches with <c>add_(1)</c>: the implicitly
/// converted <see cref="Scalar"/> is left to the finalizer, which can free it while the native call still reads it.
/// Long training runs crashed on that ("argument alpha must not be a floating point number"); this module counts
/// through <see cref="TensorArithmetic"/>.
/// </remarks>
public sealed class TrackedBatchNorm2d : Module<Tensor, Tensor>
{
    private readonly Parameter? weight;
    private readonly Parameter? bias;
    private readonly Tensor running_mean;
    private readonly Tensor running_var;
    private readonly Tensor num_batches_tracked;

    /// <summary>Builds the layer for <paramref name="features"/> channels.</summary>
    public TrackedBatchNorm2d(long features, bool affine = true, double momentum = 0.1, double eps = 1e-5)
        : base(nameof(TrackedBatchNorm2d))
    {
        Momentum = momentum;
        Eps = eps;
        if (affine)
        {
            weight = Parameter(ones(features));
            bias = Parameter(zeros(features));
            register_parameter(nameof(weight), weight);
            register_parameter(nameof(bias), bias);
        }

        running_mean = zeros(features);
        running_var = ones(features);
        num_batches_tracked = tensor(0L);
        register_buffer(nameof(running_mean), running_mean);
        register_buffer(nameof(running_var), running_var);
        register_buffer(nameof(num_batches_tracked), num_batches_tracked);
    }

    /// <summary>Weight of the current batch in the running statistics (PyTorch's momentum).</summary>
    public double Momentum { get; set; }

    /// <summary>Added to the variance before the square root.</summary>
    public double Eps { get; }

    /// <summary>The running variance per channel (the layer's buffer, not a copy).</summary>
    public Tensor RunningVariance => running_var;

    /// <summary>Sets the scale γ to 1 and the shift β to 0 (no-op without affine parameters).</summary>
    public void ResetAffine()
    {
        using var noGrad = no_grad();
        if (weight is not null)
        {
            TensorArithmetic.Fill(weight, 1);
        }

        bias?.zero_();
    }

    /// <summary>Forgets the running statistics: mean 0, variance 1, no batches counted.</summary>
    public void ResetRunningStats()
    {
        using var noGrad = no_grad();
        running_mean.zero_();
        TensorArithmetic.Fill(running_var, 1);
        num_batches_tracked.zero_();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        if (training)
        {
            TensorArithmetic.Increment(num_batches_tracked);
        }

        return functional.batch_norm(input, running_mean, running_var, weight, bias, training, Momentum, Eps);
    }
}
