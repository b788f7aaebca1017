using RdNas.Abstractions.Experiments;

namespace RdNas.Grains.Training;

/// <summary>What a training worker tells its experiment grain (the same grain as <see cref="IExperimentGrain"/>; silo-internal).</summary>
[Alias("RdNas.IExperimentRunReports")]
public interface IExperimentRunReports : IGrainWithStringKey
{
    /// <summary>Progress within an epoch or the evaluation; kept in memory only.</summary>
    [Alias("ReportProgress")]
    Task ReportProgressAsync(WorkerReport report);

    /// <summary>The worker's run trains on <paramref name="device"/> (cpu, cuda:N); persisted.</summary>
    [Alias("ReportDevice")]
    Task ReportDeviceAsync(int attempt, string device);

    /// <summary>The worker resumed from the checkpoint of <paramref name="completedEpochs"/>.</summary>
    [Alias("ReportResumed")]
    Task ReportResumedAsync(int attempt, int completedEpochs);

    /// <summary>Epoch <paramref name="completedEpochs"/> is in the checkpoint store; persisted.</summary>
    [Alias("ReportCheckpoint")]
    Task ReportCheckpointAsync(int attempt, int completedEpochs);

    /// <summary>The run finished with <paramref name="result"/>.</summary>
    [Alias("ReportCompleted")]
    Task ReportCompletedAsync(int attempt, ExperimentResult result);

    /// <summary>The run stopped with an error.</summary>
    [Alias("ReportFailed")]
    Task ReportFailedAsync(int attempt, string reason);
}
