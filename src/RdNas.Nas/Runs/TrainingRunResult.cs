using System.Text.Json.Serialization;
using RdNas.Nas.Evaluation;
using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.Supernets.Nb201;
using RdNas.Nas.Training;
using RdNas.Nas.Training.Methods;

namespace RdNas.Nas.Runs;

/// <summary>
/// The content of <c>result.json</c>: what ran (space, sampler, preset, seeds, split, every hyperparameter), how long
/// it took, how training went epoch by epoch, and how well the supernet ranks the sampled subnets. A run stopped and
/// resumed counts every attempt: <c>train_seconds</c> comes with the checkpoint, <c>eval_seconds</c> adds the seconds
/// of the subnets an earlier attempt scored (<c>evaluation_resumed_subnets</c> of them, null when none).
/// </summary>
public sealed record TrainingRunResult(
    [property: JsonPropertyName("space")] string Space,
    [property: JsonPropertyName("sampler")] string Sampler,
    [property: JsonPropertyName("teacher")] string? Teacher,
    [property: JsonPropertyName("pair_sampler")] string? PairSampler,
    [property: JsonPropertyName("lambda")] string? Lambda,
    [property: JsonPropertyName("method")] TrainingMethodSpec Method,
    [property: JsonPropertyName("preset")] string Preset,
    [property: JsonPropertyName("seed")] long Seed,
    [property: JsonPropertyName("epochs")] int Epochs,
    [property: JsonPropertyName("subnets")] int Subnets,
    [property: JsonPropertyName("train_seconds")] double TrainSeconds,
    [property: JsonPropertyName("eval_seconds")] double EvalSeconds,
    [property: JsonPropertyName("ranking")] RankingReport Ranking,
    [property: JsonPropertyName("history")] IReadOnlyList<HistoryEntry> History,
    [property: JsonPropertyName("training_curve")] IReadOnlyList<EpochRecord> TrainingCurve,
    [property: JsonPropertyName("ground_truth")] string GroundTruth,
    [property: JsonPropertyName("split_seed")] long SplitSeed,
    [property: JsonPropertyName("train_images_available")] int TrainImagesAvailable,
    [property: JsonPropertyName("valid_images_scored")] int ValidImagesScored,
    [property: JsonPropertyName("resumed_from_epoch")] int? ResumedFromEpoch,
    [property: JsonPropertyName("supernet")] Nb201SupernetOptions Supernet,
    [property: JsonPropertyName("training")] TrainingOptions Training,
    [property: JsonPropertyName("evaluation")] EvaluationOptions Evaluation,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("finished_utc")] DateTimeOffset FinishedUtc,
    [property: JsonPropertyName("evaluation_resumed_subnets")] int? EvaluationResumedSubnets = null);
