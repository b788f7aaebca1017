using RdNas.Nas.Evaluation.Metrics;

namespace RdNas.Nas.Runs;

/// <summary>
/// mean τ(configuration) / mean τ(baseline), both means over <paramref name="PairedSeeds"/> only, so a seed that one
/// side lacks does not tilt the ratio (at CPU budgets the training seed alone moves τ by 0.2); and τ(configuration) −
/// τ(baseline) over those seeds with its 95 % interval and paired t-test (<paramref name="Difference"/>, null below
/// two paired seeds).
/// </summary>
public sealed record BaselineRatio(string Method, IReadOnlyList<long> PairedSeeds, double Ratio, PairedDifference? Difference);
