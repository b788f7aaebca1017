namespace RdNas.Abstractions.Experiments;

/// <summary>
/// A search an experiment runs after its evaluation, scoring cells with the supernet it trained (as
/// <c>rdnas search --run</c> does with a finished run folder). Checked when the experiment is submitted.
/// </summary>
/// <param name="Strategy">evolution (regularized evolution, REA) or random.</param>
/// <param name="Budget">Distinct cells scored.</param>
/// <param name="Seed">Seed of the search's draws.</param>
/// <param name="Population">Evolution: members alive at a time.</param>
/// <param name="Tournament">Evolution: members drawn to pick each parent.</param>
[GenerateSerializer, Immutable, Alias("RdNas.ExperimentSearchSpec")]
public sealed record ExperimentSearchSpec(
    [property: Id(0)] string Strategy = "evolution",
    [property: Id(1)] int Budget = 100,
    [property: Id(2)] long Seed = 0,
    [property: Id(3)] int Population = 10,
    [property: Id(4)] int Tournament = 3);
