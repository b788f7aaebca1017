using RdNas.Nas.Evaluation;
using RdNas.Nas.Supernets.Nb201;
using RdNas.Nas.Training;

namespace RdNas.Nas.Runs;

/// <summary>
/// The budgets a run can name. The CPU presets trade width, depth, epochs and images for ranking quality within
/// their wall-clock limits on a 2-core machine (measured in bench/RESULTS.md); <c>paper</c> is the full RD-NAS
/// protocol for a GPU. At CPU budgets the supernet's accuracies of different subnets lie within a few points of each
/// other, so the number of valid images scored (binomial noise ≈ 1.1 points at 2,000) matters as much as training.
/// </summary>
public static class TrainingPresets
{
    /// <summary>Every preset, by name.</summary>
    public static IReadOnlyList<TrainingPreset> All { get; } =
    [
        new("smoke", "end-to-end check in under a minute",
            new Nb201SupernetOptions(Width: 4, CellsPerStage: 1),
            new TrainingOptions(Epochs: 1, BatchSize: 64, TrainImages: 512),
            new EvaluationOptions(Subnets: 10, RecalibrationBatches: 2, RecalibrationBatchSize: 64, ValidImages: 256, BatchSize: 256)),
        new("small", "the main CPU job, under 10 minutes",
            new Nb201SupernetOptions(Width: 8, CellsPerStage: 1),
            new TrainingOptions(Epochs: 25, BatchSize: 64, TrainImages: 10_000),
            new EvaluationOptions(Subnets: 200, RecalibrationBatches: 8, RecalibrationBatchSize: 128, ValidImages: 5_000)),
        new("medium", "the CPU benchmark budget, under 30 minutes",
            new Nb201SupernetOptions(Width: 8, CellsPerStage: 1),
            new TrainingOptions(Epochs: 75, BatchSize: 64, TrainImages: 10_000),
            new EvaluationOptions(Subnets: 200, RecalibrationBatches: 16, RecalibrationBatchSize: 128)),
        new("paper", "the full RD-NAS protocol (C=16, N=5, 250 epochs, 25k/25k split, the reference code's head dropout 0.1), meant for a GPU",
            new Nb201SupernetOptions(Width: 16, CellsPerStage: 5) { HeadDropout = 0.1 },
            new TrainingOptions(Epochs: 250, BatchSize: 64),
            new EvaluationOptions(Subnets: 200, RecalibrationBatches: 200, RecalibrationBatchSize: 64)) { MeantForGpu = true },
    ];

    /// <summary>The preset called <paramref name="name"/> (case-insensitive), or null when there is none.</summary>
    public static TrainingPreset? Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The preset called <paramref name="name"/>; an error listing the valid names otherwise.</summary>
    public static TrainingPreset Get(string name) =>
        Find(name)
        ?? throw new ArgumentException($"unknown preset '{name}' (expected {string.Join(", ", All.Select(p => p.Name))})", nameof(name));
}
