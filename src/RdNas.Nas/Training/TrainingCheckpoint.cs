using System.Text.Json;
using static TorchSharp.torch;

namespace RdNas.Nas.Training;

/// <summary>
/// A checkpoint folder: <c>supernet.bin</c> (weights and BN buffers), <c>optimizer.bin</c> (SGD momentum),
/// <c>average.bin</c> (the running weight average, for runs that average) and <c>trainer.json</c> (epoch, options,
/// generator states). Written to a sibling folder and renamed into place, so a
/// crash mid-save leaves the previous checkpoint intact.
/// </summary>
public static class TrainingCheckpoint
{
    private const string WeightsFile = "supernet.bin";
    private const string OptimizerFile = "optimizer.bin";
    private const string AverageFile = "average.bin";
    private const string StateFile = "trainer.json";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    /// <summary>Whether <paramref name="directory"/> holds a complete checkpoint.</summary>
    public static bool Exists(string directory) => File.Exists(Path.Combine(CurrentFolder(directory), StateFile));

    /// <summary>Writes the checkpoint atomically, replacing any previous one in <paramref name="directory"/>.</summary>
    public static void Save(string directory, nn.Module model, MomentumSgd optimizer, TrainingCheckpointState state, WeightAverage? average = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        var full = Path.GetFullPath(directory);
        var staging = full + ".saving";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        model.save(Path.Combine(staging, WeightsFile));
        using (var writer = new BinaryWriter(File.Create(Path.Combine(staging, OptimizerFile))))
        {
            optimizer.Save(writer);
        }

        if (average is not null)
        {
            using var writer = new BinaryWriter(File.Create(Path.Combine(staging, AverageFile)));
            average.Save(writer);
        }

        File.WriteAllText(Path.Combine(staging, StateFile), JsonSerializer.Serialize(state, s_json));
        var previous = full + ".previous";
        if (Directory.Exists(full))
        {
            Directory.Move(full, previous);
        }

        Directory.Move(staging, full);
        if (Directory.Exists(previous))
        {
            Directory.Delete(previous, recursive: true);
        }
    }

    /// <summary>The checkpoint's progress, options and generator states, without loading its tensors.</summary>
    public static TrainingCheckpointState ReadState(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return ReadStateFrom(CurrentFolder(directory), directory);
    }

    /// <summary>Loads weights, optimiser state and (when given) the weight average into the given objects and returns the rest.</summary>
    public static TrainingCheckpointState Load(string directory, nn.Module model, MomentumSgd optimizer, WeightAverage? average = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);

        // State, weights and optimiser from the one folder chosen once, even if a save renames folders meanwhile.
        var source = CurrentFolder(directory);
        var state = ReadStateFrom(source, directory);
        model.load(Path.Combine(source, WeightsFile));
        using (var reader = new BinaryReader(File.OpenRead(Path.Combine(source, OptimizerFile))))
        {
            optimizer.Load(reader);
        }

        if (average is not null)
        {
            var averageFile = Path.Combine(source, AverageFile);
            if (!File.Exists(averageFile))
            {
                throw new FileNotFoundException($"checkpoint {directory} holds no weight average ({AverageFile}), and this run averages weights", averageFile);
            }

            using var reader = new BinaryReader(File.OpenRead(averageFile));
            average.Load(reader);
        }

        return state;
    }

    private static TrainingCheckpointState ReadStateFrom(string source, string directory)
    {
        var stateFile = Path.Combine(source, StateFile);
        if (!File.Exists(stateFile))
        {
            throw new FileNotFoundException($"no checkpoint in {directory}: {StateFile} is missing", stateFile);
        }

        return JsonSerializer.Deserialize<TrainingCheckpointState>(File.ReadAllText(stateFile))
            ?? throw new InvalidDataException($"{stateFile}: empty checkpoint state");
    }

    // A crash between the two renames of Save leaves only the previous checkpoint: read it.
    private static string CurrentFolder(string directory) =>
        File.Exists(Path.Combine(directory, StateFile)) ? directory : Path.GetFullPath(directory) + ".previous";
}
