using RdNas.Nas.Randomness;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Sampling;

/// <summary>Chooses the two subnets whose losses the ranking loss orders; all randomness comes from the generator.</summary>
public interface IPairSampler
{
    /// <summary>The sampler's name as the CLI and result files spell it (<c>margin</c>, <c>hamming</c>, <c>random</c>).</summary>
    string Name { get; }

    /// <summary>The smallest distance between the two subnets of a pair (0: any pair).</summary>
    double Threshold { get; }

    /// <summary>The next pair.</summary>
    (Nb201Genotype First, Nb201Genotype Second) NextPair(SeededGenerator generator);
}
