using RdNas.Nas.Training;

namespace RdNas.Nas.Runs;

/// <summary>
/// A run folder that holds a training checkpoint but no result yet: a run still going, or one stopped or crashed that
/// <c>rdnas train</c> with the same <c>--out</c> resumes.
/// </summary>
/// <param name="CompletedEpochs">Epochs the checkpoint holds.</param>
/// <param name="Epochs">Epochs the run trains in all.</param>
public sealed record UnfinishedRun(string Directory, int CompletedEpochs, int Epochs)
{
    /// <summary>The unfinished run in <paramref name="directory"/>; null when it has a result or no checkpoint.</summary>
    public static UnfinishedRun? Find(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        directory = Path.TrimEndingDirectorySeparator(directory);
        var checkpoint = Path.Combine(directory, TrainingRunSpec.CheckpointFolder);
        if (File.Exists(Path.Combine(directory, TrainingRunWriter.ResultFile)) || !TrainingCheckpoint.Exists(checkpoint))
        {
            return null;
        }

        var state = TrainingCheckpoint.ReadState(checkpoint);
        return new UnfinishedRun(directory, state.CompletedEpochs, state.Options.Epochs);
    }
}
