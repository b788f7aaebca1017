using System.Text.Json;
using static TorchSharp.torch;

namespace RdNas.Nas.Training;

/// <summary>
/// A checkpoint folder: <c>supernet.bin</c> (weights and BN buffers), <c>optimizer.bin</c> (SGD momentum) and
/// <c>trainer.json</c> (epoch, options, generator states). Written to a sibling folder and renamed into place, so a
/// crash mid-save leaves the previous checkpoint intact.
/// </summary>
public static class TrainingCheckpoint
{
    private const string WeightsFile = "supernet.bin";
    private const string OptimizerFile = "optimizer.bin";
    private const string StateFile = "trainer.json";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    /// <summary>Whether <paramref name="directory"/> holds a complete checkpoint.</summary>
    public static bool Exists(string directory) => File.Exists(Path.Combine(CurrentFolder(directory), StateFile));

    /// <summary>Writes the checkpoint atomically, replacing any previous one in <paramref name="directory"/>.</summary>
    public static void Save(string directory, nn.Module model, MomentumSgd optimizer, TrainingCheckpointState state)
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

    /// <summary>Loads weights and optimiser state into the given objects and returns the rest.</summary>
    public static TrainingCheckpointState Load(string directory, nn.Module model, MomentumSgd optimizer)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);

        // State, weights and optimiser from the one folder chosen once, even if a save renames folders meanwhile.
        var source = CurrentFolder(directory);
        var state = ReadStateFrom(source, directory);
        model.load(Path.Combine(source, WeightsFile));
        using var reader = new BinaryReader(File.OpenRead(Path.Combine(source, OptimizerFile)));
        optimizer.Load(reader);
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
