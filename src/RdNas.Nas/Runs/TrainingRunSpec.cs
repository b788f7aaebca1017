using RdNas.Nas.Data;

namespace RdNas.Nas.Runs;

/// <summary>Everything a training run needs: the preset (with the run's seed and epochs applied), data and output.</summary>
/// <param name="Preset">The budget, already carrying the run's seed and epoch count.</param>
/// <param name="Data">Where CIFAR-10 and the NB201 table are.</param>
/// <param name="OutputDirectory">Receives result.json, subnets.csv and the checkpoint.</param>
/// <param name="SplitSeed">Seed of the train/valid split; fixed by default so runs share their valid images.</param>
/// <param name="GroundTruthColumn">The NB201 column ranked against.</param>
public sealed record TrainingRunSpec(
    TrainingPreset Preset,
    DataDirectory Data,
    string OutputDirectory,
    long SplitSeed = 0,
    string GroundTruthColumn = "cifar10_valid")
{
    /// <summary>The checkpoint folder inside the output folder.</summary>
    public string CheckpointDirectory => Path.Combine(OutputDirectory, "checkpoint");
}
