using RdNas.Abstractions.Experiments;
using RdNas.Grains.Training;

namespace RdNas.Grains.Experiments;

/// <summary>
/// An experiment's status from what is stored (phase, checkpointed epochs, worker) and the worker's latest report
/// (step, loss, accuracy, subnets evaluated, cells searched), which is dropped once the experiment has stopped for good.
/// </summary>
internal static class ExperimentStatusComposer
{
    public static ExperimentStatus Compose(string id, ExperimentState stored, WorkerReport? live, DateTimeOffset now)
    {
        var final = ExperimentStatus.IsFinalPhase(stored.Phase);
        live = final ? null : live;
        var training = live is { Phase: ExperimentPhase.Training, StepsPerEpoch: > 0 };
        // A report of an epoch already checkpointed says nothing of the current one: no step of it is done yet (its loss
        // and accuracy stay, the last seen). Without this, between epochs and after the last one, the step counter of
        // the finished epoch was read as the next epoch's.
        var step = training && live!.Epoch >= stored.CompletedEpochs ? live.Step : 0;
        var completed = stored.Phase == ExperimentPhase.Completed;
        var searching = live is { Phase: ExperimentPhase.Searching };
        var searchBudget = stored.Spec?.Search?.Budget ?? 0;
        return new ExperimentStatus(
            id, live?.Phase ?? stored.Phase, live?.Message ?? stored.Message, stored.CompletedEpochs, stored.Epochs,
            step, training ? live!.StepsPerEpoch : 0, training ? live!.Loss : 0, training ? live!.Accuracy : 0,
            completed || searching ? stored.Subnets : live?.EvaluatedSubnets ?? 0, stored.Subnets,
            stored.Worker, stored.Attempts, stored.ResumedFromEpoch, now,
            completed ? SearchedWhenCompleted(stored, searchBudget) : searching ? live!.SearchedCells : 0, searchBudget, stored.Device);
    }

    // A search always scores at least one cell, so a stored count of 0 is a result stored before the count was
    // recorded: the budget is what those searches were reported with.
    private static int SearchedWhenCompleted(ExperimentState stored, int searchBudget) =>
        stored.Result is { SearchedCells: > 0 } result ? result.SearchedCells : searchBudget;
}
