namespace RdNas.Nas.Proxies;

/// <summary>
/// A zero-cost proxy: a score of an architecture computed at initialisation (or analytically) that is meant to rank
/// architectures as training would. Implementations hold only their formula; <see cref="ProxyScorer"/> does seeding,
/// network construction, batches, dispose scopes and checks.
/// </summary>
public interface IZeroCostProxy
{
    /// <summary>The name the CLI and score files use (<c>synflow</c>, <c>flops</c>, …).</summary>
    string Name { get; }

    /// <summary>Whether the score needs a batch of real images.</summary>
    bool NeedsData { get; }

    /// <summary>The score of <see cref="ProxyInput.Genotype"/>; higher predicts a better architecture.</summary>
    double Score(ProxyInput input);
}
