using RdNas.Nas.Data;
using RdNas.Nas.Runs;
using RdNas.Nas.Supernets.Nb201;
using RdNas.Nas.Training;

namespace RdNas.Bench;

/// <summary>
/// A finished run's supernet loaded from its checkpoint, with the images and split it trained on: what the bench tools
/// that re-score a run (rescore, recal-noise) start from.
/// </summary>
internal sealed record FinishedRun(TrainingRunSpec Spec, Cifar10Images Images, Nb201Supernet Model, TrainingCheckpointState State) : IDisposable
{
    public TrainValidSplit Split => TrainValidSplit.Create(Images.Count, Spec.SplitSeed);

    public static FinishedRun Open(string runDirectory, string presetName)
    {
        var spec = new TrainingRunSpec(TrainingPresets.Get(presetName), DataDirectory.Resolve(null), runDirectory);
        var preset = spec.Preset;
        var images = Cifar10BinaryReader.ReadTrain(spec.Data);
        var model = Nb201NetworkFactory.Create(preset.Supernet, seed: 0); // the checkpoint replaces every weight
        using var optimizer = new MomentumSgd(model.parameters(), preset.Training.LearningRate, preset.Training.Momentum, preset.Training.WeightDecay);
        return new FinishedRun(spec, images, model, TrainingCheckpoint.Load(spec.CheckpointDirectory, model, optimizer));
    }

    public void Dispose() => Model.Dispose();
}
