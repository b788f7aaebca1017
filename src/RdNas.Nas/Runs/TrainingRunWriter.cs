using System.Globalization;
using System.Text;
using System.Text.Json;
using RdNas.Nas.Data;

namespace RdNas.Nas.Runs;

/// <summary>Writes <c>result.json</c> and <c>subnets.csv</c> (arch, supernet accuracy, ground truth, supernet loss), each atomically.</summary>
public static class TrainingRunWriter
{
    /// <summary>File name of the run summary.</summary>
    public const string ResultFile = "result.json";

    /// <summary>File name of the per-subnet scores.</summary>
    public const string SubnetsFile = "subnets.csv";

    /// <summary>File name of the per-epoch training curve, kept beside the checkpoint while the run trains.</summary>
    public const string TrainingCurveFile = "training_curve.json";

    /// <summary>The JSON conventions of every result file: indented, snake_case.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Writes both files into <paramref name="directory"/>.</summary>
    public static void Write(string directory, TrainingRunResult result, IEnumerable<SubnetScore> scores)
    {
        ArgumentNullException.ThrowIfNull(result);
        AtomicFile.WriteAllText(Path.Combine(directory, SubnetsFile), SubnetsCsv(scores));
        AtomicFile.WriteAllText(Path.Combine(directory, ResultFile), JsonSerializer.Serialize(result, JsonOptions));
    }

    /// <summary>The content of <c>subnets.csv</c> for <paramref name="scores"/>.</summary>
    public static string SubnetsCsv(IEnumerable<SubnetScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var csv = new StringBuilder("arch,supernet_accuracy,ground_truth,supernet_loss\n");
        foreach (var score in scores)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{score.Genotype},{score.SupernetAccuracy:R},{score.GroundTruth:R},{score.SupernetLoss:R}\n");
        }

        return csv.ToString();
    }
}
