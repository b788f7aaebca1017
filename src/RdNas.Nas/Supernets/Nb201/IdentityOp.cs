using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RdNas.Nas.Supernets.Nb201;

/// <summary>The <c>skip_connect</c> operation.</summary>
public sealed class IdentityOp : Module<Tensor, Tensor>
{
    /// <summary>Builds the op.</summary>
    public IdentityOp()
        : base(nameof(IdentityOp))
    {
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => input.alias();
}
