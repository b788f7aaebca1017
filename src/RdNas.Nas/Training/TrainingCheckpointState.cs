using RdNas.Nas.Supernets.Nb201;

namespace RdNas.Nas.Training;

/// <summary>
/// The non-tensor part of a checkpoint: progress, the run's options and its generators' states (the dropout stream's
/// only for a supernet with head dropout; checkpoints of earlier versions have none).
/// </summary>
public sealed record TrainingCheckpointState(
    int CompletedEpochs,
    double TrainingSeconds,
    Nb201SupernetOptions Supernet,
    TrainingOptions Options,
    string Sampler,
    ulong[] DataGenerator,
    ulong[] SubnetGenerator,
    ulong[]? DropoutGenerator = null);
