using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RdNas.Nas.Supernets.Nb201;

/// <summary>
/// The candidate operations of one edge, registered under their op names (state keys <c>candidates.nor_conv_3x3.…</c>).
/// </summary>
/// <remarks>
/// Used instead of TorchSharp 0.107's <c>ModuleDict</c>, whose two indexers (by name and by position) make
/// <c>Module.to(device)</c> and <c>Module.to(dtype)</c> fail on any network holding one ("an item with the same key has
/// already been added. Key: Item"): the supernet could not be moved to a GPU.
/// </remarks>
public sealed class Nb201CandidateOps : Module
{
    private readonly Dictionary<string, Module<Tensor, Tensor>> _byName = new(StringComparer.Ordinal);

    /// <summary>Registers each of <paramref name="candidates"/> under its name, in the given order.</summary>
    public Nb201CandidateOps(IEnumerable<(string Name, Module<Tensor, Tensor> Module)> candidates)
        : base(nameof(Nb201CandidateOps))
    {
        ArgumentNullException.ThrowIfNull(candidates);
        foreach (var (name, module) in candidates)
        {
            _byName.Add(name, module);
            register_module(name, module);
        }
    }

    /// <summary>The candidate registered as <paramref name="name"/>, if there is one.</summary>
    public bool TryGet(string name, out Module<Tensor, Tensor> candidate) => _byName.TryGetValue(name, out candidate!);
}
