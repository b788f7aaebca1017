using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RdNas.Nas.Supernets.Nb201;

/// <summary>The <c>none</c> operation: an all-zero output of the input's shape.</summary>
public sealed class ZeroOp : Module<Tensor, Tensor>
{
    /// <summary>Builds the op.</summary>
    public ZeroOp()
        : base(nameof(ZeroOp))
    {
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => zeros_like(input);
}
