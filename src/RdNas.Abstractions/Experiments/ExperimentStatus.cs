namespace RdNas.Abstractions.Experiments;

/// <summary>An experiment's state and progress at one moment.</summary>
/// <param name="Id">The experiment.</param>
/// <param name="Phase">Queued, training, evaluating, searching, completed, failed or cancelled.</param>
/// <param name="Message">What is happening, why it waits, or why it failed.</param>
/// <param name="CompletedEpochs">Epochs finished and checkpointed.</param>
/// <param name="Epochs">Epochs in the run.</param>
/// <param name="Step">Steps done in the current epoch.</param>
/// <param name="StepsPerEpoch">Steps in an epoch.</param>
/// <param name="Loss">Mean training loss of the current epoch so far.</param>
/// <param name="Accuracy">Mean training accuracy of the current epoch so far, in [0, 1].</param>
/// <param name="EvaluatedSubnets">Subnets scored in the final evaluation.</param>
/// <param name="Subnets">Subnets the final evaluation scores.</param>
/// <param name="Worker">The silo training it (its name and address), null when none.</param>
/// <param name="Attempts">How many times a worker was started (more than one after a lost silo).</param>
/// <param name="ResumedFromEpoch">The checkpointed epoch the latest worker resumed from, if any.</param>
/// <param name="UpdatedUtc">When this status was reported.</param>
/// <param name="SearchedCells">Cells the search has scored (0 without a search or before it).</param>
/// <param name="SearchBudget">Cells the search scores (0 without a search).</param>
/// <param name="Device">The device the latest worker trains and scores on (cpu, cuda:N), null until it has resolved its setting.</param>
[GenerateSerializer, Immutable, Alias("RdNas.ExperimentStatus")]
public sealed record ExperimentStatus(
    [property: Id(0)] string Id,
    [property: Id(1)] ExperimentPhase Phase,
    [property: Id(2)] string Message,
    [property: Id(3)] int CompletedEpochs,
    [property: Id(4)] int Epochs,
    [property: Id(5)] int Step,
    [property: Id(6)] int StepsPerEpoch,
    [property: Id(7)] double Loss,
    [property: Id(8)] double Accuracy,
    [property: Id(9)] int EvaluatedSubnets,
    [property: Id(10)] int Subnets,
    [property: Id(11)] string? Worker,
    [property: Id(12)] int Attempts,
    [property: Id(13)] int? ResumedFromEpoch,
    [property: Id(14)] DateTimeOffset UpdatedUtc,
    [property: Id(15)] int SearchedCells = 0,
    [property: Id(16)] int SearchBudget = 0,
    [property: Id(17)] string? Device = null)
{
    /// <summary>Whether the experiment has stopped for good (completed, failed or cancelled).</summary>
    public bool IsFinal => IsFinalPhase(Phase);

    /// <summary>Whether an experiment in <paramref name="phase"/> has stopped for good.</summary>
    public static bool IsFinalPhase(ExperimentPhase phase) => phase is ExperimentPhase.Completed or ExperimentPhase.Failed or ExperimentPhase.Cancelled;
}
