using RdNas.Nas.Randomness;
using RdNas.Nas.Sampling;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Bench;

/// <summary>
/// Uniform SPOS draws; once a few-shot sub-supernet trains, <see cref="Fixed"/> sets its split edge's operation (the
/// same draws otherwise, so every sub-supernet sees the same subnets on the other edges). Its name stays SPOS's so the
/// split checkpoint, written before any operation was fixed, loads into every sub-supernet's trainer.
/// </summary>
internal sealed class EdgeFixingSampler(Nb201SearchSpace space, int edge) : ISubnetSampler
{
    /// <summary>The split edge's operation in every subnet drawn; null for plain uniform draws.</summary>
    public Nb201Op? Fixed { get; set; }

    public string Name => "spos";

    public Nb201Genotype NextSubnet(SeededGenerator generator)
    {
        var drawn = space.Sample(generator);
        if (Fixed is not { } op)
        {
            return drawn;
        }

        var ops = drawn.Ops();
        ops[edge] = op;
        return Nb201Genotype.FromOps(ops);
    }
}
