using static TorchSharp.torch;

namespace RdNas.Nas.Modules;

/// <summary>Copies of some tensors' values, written back into them on dispose (once).</summary>
internal sealed class TensorSnapshot : IDisposable
{
    private readonly List<(Tensor Target, Tensor Copy)> _saved;

    public TensorSnapshot(IEnumerable<Tensor> tensors)
    {
        using var noGrad = no_grad();
        _saved = [.. tensors.Select(t => (t, t.detach().clone().DetachFromDisposeScope()))];
    }

    public void Dispose()
    {
        using var noGrad = no_grad();
        foreach (var (target, copy) in _saved)
        {
            target.copy_(copy);
            copy.Dispose();
        }

        _saved.Clear();
    }
}
