using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Search;

/// <summary>
/// What a search maximises for one cell: a supernet's accuracy after BN recalibration, or a zero-cost proxy's score.
/// Higher is better; NaN counts as the worst score.
/// </summary>
public delegate double ArchitectureScore(Nb201Genotype genotype, CancellationToken cancellationToken);
