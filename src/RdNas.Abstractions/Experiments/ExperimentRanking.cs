namespace RdNas.Abstractions.Experiments;

/// <summary>How well the trained supernet ranks the sampled subnets against the benchmark.</summary>
/// <param name="KendallTau">Kendall τ-b.</param>
/// <param name="SpearmanRho">Spearman ρ.</param>
/// <param name="PearsonR">Pearson r.</param>
/// <param name="ConcordantPairRatio">Share of subnet pairs ordered as the benchmark orders them.</param>
/// <param name="PrecisionAtTop10">Share of the benchmark's top 10 % the supernet also puts in its top 10 %.</param>
[GenerateSerializer, Immutable, Alias("RdNas.ExperimentRanking")]
public sealed record ExperimentRanking(
    [property: Id(0)] double KendallTau,
    [property: Id(1)] double SpearmanRho,
    [property: Id(2)] double PearsonR,
    [property: Id(3)] double ConcordantPairRatio,
    [property: Id(4)] double PrecisionAtTop10);
