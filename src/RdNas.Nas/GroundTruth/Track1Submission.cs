using System.Text;
using System.Text.Json;
using RdNas.Nas.Data;

namespace RdNas.Nas.GroundTruth;

/// <summary>
/// Writes a CVPR 2022 NAS competition Track 1 submission: the test file's entries in its order, each with <c>acc</c>
/// set to a predicted score (<c>{"arch1": {"acc": 71.3, "arch": "&lt;52 digits&gt;"}, …}</c>). The competition scores a
/// submission by the rank correlation of these values with the hidden accuracies, so any score that grows with the
/// predicted accuracy will do; the file reads back with <see cref="Track1Architectures.Load"/>.
/// </summary>
public static class Track1Submission
{
    /// <summary>Writes <paramref name="scores"/> (one per architecture, finite) for <paramref name="architectures"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, IReadOnlyList<Track1Architecture> architectures, IReadOnlyList<double> scores)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(architectures);
        ArgumentNullException.ThrowIfNull(scores);
        if (architectures.Count != scores.Count)
        {
            throw new ArgumentException($"{architectures.Count} architectures but {scores.Count} scores", nameof(scores));
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            for (var i = 0; i < architectures.Count; i++)
            {
                if (!double.IsFinite(scores[i]))
                {
                    throw new ArgumentException($"{architectures[i].Name}: score {scores[i]} is not a finite number", nameof(scores));
                }

                json.WriteStartObject(architectures[i].Name);
                json.WriteNumber("acc", scores[i]);
                json.WriteString("arch", architectures[i].Genotype.Code);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        AtomicFile.WriteAllText(path, Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
