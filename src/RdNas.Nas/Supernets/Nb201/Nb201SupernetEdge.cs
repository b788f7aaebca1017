using RdNas.Nas.SearchSpaces.Nb201;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RdNas.Nas.Supernets.Nb201;

/// <summary>One cell edge of the supernet: every candidate operation, of which a forward pass runs exactly one.</summary>
public sealed class Nb201SupernetEdge : Module<Tensor, Nb201Op, Tensor>
{
    private readonly Nb201CandidateOps candidates;

    /// <summary>Builds the candidates of <paramref name="ops"/> at <paramref name="channels"/> channels.</summary>
    public Nb201SupernetEdge(long channels, IReadOnlyList<Nb201Op> ops, bool affine = false, bool batchNorm = true)
        : base(nameof(Nb201SupernetEdge))
    {
        ArgumentNullException.ThrowIfNull(ops);
        candidates = new Nb201CandidateOps(ops.Select(op => (Nb201Ops.Name(op), Create(op, channels, affine, batchNorm))));
        RegisterComponents();
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input, Nb201Op op) => Candidate(op).forward(input);

    /// <summary>The module of candidate <paramref name="op"/>; an error when this supernet has no such candidate.</summary>
    public Module<Tensor, Tensor> Candidate(Nb201Op op) =>
        candidates.TryGet(Nb201Ops.Name(op), out var candidate)
            ? candidate
            : throw new ArgumentException($"operation {Nb201Ops.Name(op)} is not a candidate of this supernet", nameof(op));

    private static Module<Tensor, Tensor> Create(Nb201Op op, long channels, bool affine, bool batchNorm) => op switch
    {
        Nb201Op.None => new ZeroOp(),
        Nb201Op.SkipConnect => new IdentityOp(),
        Nb201Op.NorConv1x1 => new ReluConvBn(channels, channels, 1, 1, 0, affine, batchNorm),
        Nb201Op.NorConv3x3 => new ReluConvBn(channels, channels, 3, 1, 1, affine, batchNorm),
        Nb201Op.AvgPool3x3 => AvgPool2d(3, stride: 1, padding: 1, count_include_pad: false),
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not an NB201 operation"),
    };
}
