using RdNas.Nas.Evaluation;
using RdNas.Nas.Supernets.Nb201;
using RdNas.Nas.Training;

namespace RdNas.Nas.Runs;

/// <summary>A named budget: supernet shape, training and evaluation settings chosen together.</summary>
public sealed record TrainingPreset(string Name, string Purpose, Nb201SupernetOptions Supernet, TrainingOptions Training, EvaluationOptions Evaluation)
{
    /// <summary>Cheaper ranking evaluations during training, evenly spaced (result.json's <c>history</c>).</summary>
    public int HistoryPoints { get; init; } = 3;

    /// <summary>Whether the budget assumes a GPU (on a CPU it takes many hours, not minutes).</summary>
    public bool MeantForGpu { get; init; }
}
