using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RdNas.Nas.Proxies;

/// <summary>
/// Fisher (Theis et al., 2018; as a NAS proxy, Abdelfattah et al., ICLR 2021): for the output a of every convolution
/// and linear layer and its loss gradient ∂L/∂a on one cross-entropy minibatch, each output channel k scores
/// F_k = ½ · mean_n (Σ_hw a·∂L/∂a)², the loss change from removing the channel. As in NASLib, each channel's value is
/// spread over its weights before summing, so F_k counts (inputs × kernel area) times.
/// </summary>
public sealed class FisherProxy : IZeroCostProxy
{
    /// <inheritdoc />
    public string Name => "fisher";

    /// <inheritdoc />
    public bool NeedsData => true;

    /// <inheritdoc />
    public double Score(ProxyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (network, batch) = input.TrainingNetworkAndBatch(Name);
        var outputs = new List<(Tensor Output, long WeightsPerChannel)>();
        var removals = new List<Action>();
        foreach (var module in network.modules())
        {
            if (module is Conv2d conv)
            {
                var hook = conv.register_forward_hook((_, _, output) => Keep(outputs, output, conv.weight!));
                removals.Add(hook.remove);
            }
            else if (module is Linear linear)
            {
                var hook = linear.register_forward_hook((_, _, output) => Keep(outputs, output, linear.weight!));
                removals.Add(hook.remove);
            }
        }

        try
        {
            nn.functional.cross_entropy(network.forward(batch.Images, input.Genotype), batch.Labels).backward();
        }
        finally
        {
            removals.ForEach(remove => remove());
        }

        double score = 0;
        foreach (var (output, weightsPerChannel) in outputs)
        {
            using (output)
            {
                if (output.grad is { } grad)
                {
                    var perImage = output.dim() > 2 ? (output * grad).sum([2, 3]) : output * grad;
                    score += 0.5 * perImage.square().mean([0]).sum().to_type(ScalarType.Float64).item<double>() * weightsPerChannel;
                }
            }
        }

        return score;
    }

    // Keeps a layer's output (and asks autograd for its gradient) and passes the network a view of it instead: the
    // network may free what it is given (cell scopes, early release of activations), never what the proxy holds.
    private static Tensor Keep(List<(Tensor Output, long WeightsPerChannel)> outputs, Tensor output, Tensor weight)
    {
        output.retain_grad();
        outputs.Add((output.DetachFromDisposeScope(), weight.numel() / weight.shape[0]));
        return output.alias();
    }
}
