using System.Text.Json;
using RdNas.Nas.Data;
using RdNas.Nas.SearchSpaces;
using RdNas.Nas.SearchSpaces.ResNet48;

namespace RdNas.Nas.GroundTruth;

/// <summary>
/// Reads the CVPR 2022 NAS competition's Track 1 files, <c>{"arch1": {"acc": 0.0, "arch": "&lt;52 digits&gt;"}, …}</c>,
/// in file order: the 45,000 test architectures (their accuracies were never published, so they read 0) or one team's
/// stand-alone accuracies of the first 30, the only ground truth there is for a rough check.
/// </summary>
/// <remarks>
/// The test set was not drawn from the whole space: its width codes stay within 1–3 in stages 1 and 2 and 1–5 in
/// stage 3 (all of 1–7 in stage 4), with depths uniform. The parser accepts the whole space the method notes define.
/// </remarks>
public static class Track1Architectures
{
    /// <summary>The competition's test architectures, under the data directory.</summary>
    public const string TestSetPath = "cvpr2022_track1/CVPR_2022_NAS_Track1_test.json";

    /// <summary>Stand-alone ImageNet top-1 of arch1..arch30 (one team's, 90 epochs; not official).</summary>
    public const string StandalonePath = "cvpr2022_track1/gt_arch30_standalone.json";

    /// <summary>Loads the 45,000 test architectures from the data directory.</summary>
    public static IReadOnlyList<Track1Architecture> LoadTestSet(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Load(data.RequireFile(TestSetPath, "the 45,000 test architectures of the CVPR 2022 NAS competition, Track 1"));
    }

    /// <summary>Loads the 30 stand-alone accuracies from the data directory.</summary>
    public static IReadOnlyList<Track1Architecture> LoadStandalone(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Load(data.RequireFile(StandalonePath, "stand-alone ImageNet accuracies of Track 1's arch1..arch30"));
    }

    /// <summary>Loads a Track 1 file; a malformed entry is an error naming the file and the entry.</summary>
    public static IReadOnlyList<Track1Architecture> Load(string path)
    {
        using var stream = File.OpenRead(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a JSON file ({e.Message})", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path}: expected an object of entries {{\"arch1\": {{\"acc\": …, \"arch\": \"<52 digits>\"}}, …}}");
            }

            var entries = new List<Track1Architecture>();
            var seen = new HashSet<ResNet48Genotype>();
            foreach (var entry in document.RootElement.EnumerateObject())
            {
                var architecture = ReadEntry(path, entry);
                if (!seen.Add(architecture.Genotype))
                {
                    throw new InvalidDataException($"{path}: entry '{entry.Name}' repeats architecture {architecture.Genotype}");
                }

                entries.Add(architecture);
            }

            return entries;
        }
    }

    private static Track1Architecture ReadEntry(string path, JsonProperty entry)
    {
        var value = entry.Value;
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("arch", out var arch) || arch.ValueKind != JsonValueKind.String
            || !value.TryGetProperty("acc", out var accuracy) || accuracy.ValueKind != JsonValueKind.Number)
        {
            throw new InvalidDataException($"{path}: entry '{entry.Name}' needs a string 'arch' and a number 'acc'");
        }

        try
        {
            return new Track1Architecture(entry.Name, ResNet48Genotype.Parse(arch.GetString()!), accuracy.GetDouble());
        }
        catch (ArchitectureFormatException e)
        {
            throw new InvalidDataException($"{path}: entry '{entry.Name}': {e.Message}", e);
        }
    }
}
