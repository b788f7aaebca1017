using RdNas.Abstractions.Experiments;

namespace RdNas.Grains.Training;

/// <summary>A worker's progress, sent to its experiment grain (a report of an older attempt is ignored).</summary>
/// <param name="Attempt">Which start of the worker sends it.</param>
/// <param name="Phase">Training, evaluating or searching.</param>
/// <param name="Message">What the worker is doing.</param>
/// <param name="Epoch">Current epoch, 0-based.</param>
/// <param name="Epochs">Epochs in the run.</param>
/// <param name="Step">Steps done in this epoch.</param>
/// <param name="StepsPerEpoch">Steps in an epoch.</param>
/// <param name="Loss">Mean training loss of this epoch so far.</param>
/// <param name="Accuracy">Mean training accuracy of this epoch so far.</param>
/// <param name="EvaluatedSubnets">Subnets scored so far in the final evaluation.</param>
/// <param name="Subnets">Subnets in the final evaluation.</param>
/// <param name="SearchedCells">Cells the search after the evaluation has scored so far.</param>
[GenerateSerializer, Immutable, Alias("RdNas.WorkerReport")]
public sealed record WorkerReport(
    [property: Id(0)] int Attempt,
    [property: Id(1)] ExperimentPhase Phase,
    [property: Id(2)] string Message,
    [property: Id(3)] int Epoch,
    [property: Id(4)] int Epochs,
    [property: Id(5)] int Step,
    [property: Id(6)] int StepsPerEpoch,
    [property: Id(7)] double Loss,
    [property: Id(8)] double Accuracy,
    [property: Id(9)] int EvaluatedSubnets,
    [property: Id(10)] int Subnets,
    [property: Id(11)] int SearchedCells = 0);
