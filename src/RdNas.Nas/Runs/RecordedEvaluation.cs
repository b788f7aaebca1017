using System.Text.Json;
using RdNas.Nas.Evaluation;

namespace RdNas.Nas.Runs;

/// <summary>How a finished run was evaluated, as its result.json records it: the settings, the split and the column ranked against.</summary>
internal sealed record RecordedEvaluation(EvaluationOptions Options, long SplitSeed, string GroundTruth)
{
    /// <summary>The evaluation <paramref name="resultPath"/> records; null for a result written before it kept its settings.</summary>
    public static RecordedEvaluation? Read(string resultPath)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(resultPath));
        var root = json.RootElement;
        if (!root.TryGetProperty("evaluation", out var evaluation) || evaluation.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var splitSeed = root.TryGetProperty("split_seed", out var seed) ? seed.GetInt64() : 0; // older runs: the fixed default
        var column = root.TryGetProperty("ground_truth", out var truth) ? truth.GetString()! : TrainingRunSpec.DefaultGroundTruth;
        return new RecordedEvaluation(evaluation.Deserialize<EvaluationOptions>(TrainingRunWriter.JsonOptions)!.Validate(), splitSeed, column);
    }
}
