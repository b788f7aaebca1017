using RdNas.Nas.Randomness;
using RdNas.Nas.Sampling;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Bench;

/// <summary>
/// Uniform SPOS draws; a few-shot sub-supernet's sampler has <see cref="Fixed"/> set to its split edge's operation (the
/// same draws otherwise, so every sub-supernet sees the same subnets on the other edges). Its name is SPOS's whether
/// fixed or not, so the split checkpoint, written by the unfixed one-shot stage, loads into every sub-supernet's trainer.
/// </summary>
internal sealed class EdgeFixingSampler(Nb201SearchSpace space, int edge) : ISubnetSampler
{
    /// <summary>The split edge's operation in every subnet drawn; null for plain uniform draws.</summary>
    public Nb201Op? Fixed { get; init; }

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
