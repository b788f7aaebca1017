using RdNas.Abstractions.Experiments;
using RdNas.Nas.Runs;
using RdNas.Nas.Training.Methods;

namespace RdNas.Cli.Output;

/// <summary>Names an experiment's training configuration as <c>rdnas compare</c> and <c>result.json</c> do.</summary>
internal static class ExperimentConfiguration
{
    /// <summary>The method of <paramref name="spec"/> (its RD-NAS fields only when it distils a teacher).</summary>
    public static TrainingMethodSpec Method(ExperimentSpec spec) =>
        new(spec.Sampler, spec.PairSampler, spec.PairThreshold, spec.Teacher, spec.Margin, spec.Lambda);

    /// <summary>
    /// The configuration label (<c>spos +swa after 40</c>, <c>rdnas flops/margin/sine</c>, with <c>rescoring ID</c>
    /// for an experiment that scores another's supernet); a head dropout the spec leaves to its preset is the preset's
    /// (none for a preset this client does not know).
    /// </summary>
    public static string Label(ExperimentSpec spec) =>
        Method(spec).ConfigurationLabel(spec.AverageWeightsAfter, spec.HeadDropout ?? TrainingPresets.Find(spec.Preset)?.Supernet.HeadDropout ?? 0)
        + (spec.RescoreOf is { } source ? $", rescoring {source}" : "");
}
