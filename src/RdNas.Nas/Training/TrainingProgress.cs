namespace RdNas.Nas.Training;

/// <summary>Where a training run stands after a step: for progress bars and experiment status.</summary>
/// <param name="Epoch">Current epoch, 0-based.</param>
/// <param name="Epochs">Total epochs.</param>
/// <param name="Step">Steps done in this epoch.</param>
/// <param name="StepsPerEpoch">Steps in an epoch.</param>
/// <param name="Loss">Mean training loss of this epoch so far.</param>
/// <param name="Accuracy">Mean training accuracy of this epoch so far, in [0, 1].</param>
/// <param name="LearningRate">This epoch's learning rate.</param>
public sealed record TrainingProgress(int Epoch, int Epochs, int Step, int StepsPerEpoch, double Loss, double Accuracy, double LearningRate);
