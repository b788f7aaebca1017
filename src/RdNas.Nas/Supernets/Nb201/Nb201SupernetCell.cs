using RdNas.Nas.Modules;
using RdNas.Nas.SearchSpaces.Nb201;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RdNas.Nas.Supernets.Nb201;

/// <summary>
/// A searchable NB201 cell: node j = Σ_{i&lt;j} op_{i→j}(node i) over the six edges, output node 3. Only the ops of
/// the given genotype run; <c>none</c> edges are skipped instead of adding zeros.
/// </summary>
public sealed class Nb201SupernetCell : Module<Tensor, Nb201Genotype, Tensor>
{
    private readonly ModuleList<Nb201SupernetEdge> edges;

    /// <summary>Builds a cell of <paramref name="channels"/> channels with the candidates <paramref name="ops"/>.</summary>
    public Nb201SupernetCell(long channels, IReadOnlyList<Nb201Op> ops, bool affine = false, bool batchNorm = true)
        : base(nameof(Nb201SupernetCell))
    {
        edges = ModuleList(Enumerable.Range(0, Nb201Edges.Count).Select(_ => new Nb201SupernetEdge(channels, ops, affine, batchNorm)).ToArray());
        RegisterComponents();
    }

    /// <summary>The operations <paramref name="genotype"/> chooses on this cell's edges (none for a <c>none</c> edge).</summary>
    public IEnumerable<nn.Module> SubnetModules(Nb201Genotype genotype) =>
        Enumerable.Range(0, Nb201Edges.Count).Where(e => genotype[e] != Nb201Op.None).Select(e => edges[e].Candidate(genotype[e]));

    /// <inheritdoc />
    public override Tensor forward(Tensor input, Nb201Genotype genotype)
    {
        // Intermediate nodes die with this scope as soon as the cell is done, rather than at the end of the
        // training step: holding them longer is what made glibc's heap grow and re-fault (see bench/RESULTS.md).
        using var scope = NewDisposeScope();
        var nodes = new Tensor?[Nb201Edges.NodeCount];
        nodes[0] = input;
        for (var to = 1; to < Nb201Edges.NodeCount; to++)
        {
            Tensor? sum = null;
            for (var from = 0; from < to; from++)
            {
                var op = genotype[Nb201Edges.IndexOf(to, from)];
                if (op == Nb201Op.None || nodes[from] is not { } source)
                {
                    continue;
                }

                var term = edges[Nb201Edges.IndexOf(to, from)].forward(source, op);
                sum = sum is null ? term : TensorArithmetic.Add(sum, term); // out of place: the first term may alias an earlier node (skip_connect)
            }

            nodes[to] = sum;
        }

        // A cell whose output node receives nothing (all paths cut by 'none') outputs zeros, as the benchmark's does.
        var output = nodes[^1] ?? zeros_like(input);
        return output.MoveToOuterDisposeScope();
    }
}
