using RdNas.Nas.Randomness;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Sampling;

/// <summary>Chooses the subnet a training step trains; all randomness comes from the generator it is given.</summary>
public interface ISubnetSampler
{
    /// <summary>The sampler's name as the CLI and result files spell it (<c>spos</c>, …).</summary>
    string Name { get; }

    /// <summary>The next subnet to train.</summary>
    Nb201Genotype NextSubnet(SeededGenerator generator);
}
