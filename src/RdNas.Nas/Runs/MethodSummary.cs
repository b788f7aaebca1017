namespace RdNas.Nas.Runs;

/// <summary>
/// One training configuration over the seeds it was run with: a row of <c>rdnas compare</c>'s method table. Runs
/// belong to the same configuration when preset, training budget, method, weight averaging and evaluation are all equal.
/// </summary>
/// <param name="Seeds">The distinct training seeds, ascending.</param>
/// <param name="TauStandardDeviation">Sample standard deviation of the per-seed τ (n − 1); NaN for one seed.</param>
/// <param name="TeacherTau">For RD-NAS, the teacher's own τ against ground truth on the same subnets; null when unknown.</param>
/// <param name="StudentTeacherTau">For RD-NAS, τ between the supernet's accuracies and the teacher's scores (mean over seeds); null when unknown.</param>
/// <param name="Baseline">The ratio to the baseline configuration on the seeds both have; null for the baseline itself or without shared seeds.</param>
public sealed record MethodSummary(
    string Preset,
    TrainingBudget Budget,
    string Method,
    string Evaluation,
    IReadOnlyList<long> Seeds,
    double MeanTau,
    double TauStandardDeviation,
    double MeanRho,
    double? TeacherTau,
    double? StudentTeacherTau,
    BaselineRatio? Baseline);
