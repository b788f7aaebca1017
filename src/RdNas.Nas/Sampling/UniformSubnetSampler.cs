using RdNas.Nas.Randomness;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Sampling;

/// <summary>SPOS (Guo et al., ECCV 2020): one subnet per step, every edge's operation drawn uniformly.</summary>
public sealed class UniformSubnetSampler(Nb201SearchSpace space) : ISubnetSampler
{
    /// <inheritdoc />
    public string Name => "spos";

    /// <inheritdoc />
    public Nb201Genotype NextSubnet(SeededGenerator generator) => space.Sample(generator);
}
