namespace RdNas.Abstractions.Architectures;

/// <summary>
/// One architecture of a search space, keyed by <see cref="ArchitectureKey"/>: its benchmark accuracies, its proxy
/// scores (computed once on first request, then persisted) and the supernet scores experiments recorded for it.
/// </summary>
[Alias("RdNas.IArchitectureGrain")]
public interface IArchitectureGrain : IGrainWithStringKey
{
    /// <summary>The benchmark's accuracy (percent) of this architecture on <paramref name="dataset"/>, such as <c>cifar10_valid</c>.</summary>
    [Alias("GetGroundTruth")]
    Task<double> GetGroundTruthAsync(string dataset);

    /// <summary>The score of a zero-cost proxy (higher predicts better), computed on first request and persisted.</summary>
    [Alias("GetProxyScore")]
    Task<double> GetProxyScoreAsync(string proxy);

    /// <summary>Records the accuracy an experiment's supernet gave this architecture (one record per experiment).</summary>
    [Alias("RecordSupernetScore")]
    Task RecordSupernetScoreAsync(SupernetScore score);

    /// <summary>Drops the supernet score <paramref name="experimentId"/> recorded, if any (its experiment was deleted).</summary>
    [Alias("ForgetSupernetScore")]
    Task ForgetSupernetScoreAsync(string experimentId);

    /// <summary>Everything known about the architecture: proxy scores computed so far and supernet scores recorded.</summary>
    [Alias("Describe")]
    Task<ArchitectureSummary> DescribeAsync();
}
