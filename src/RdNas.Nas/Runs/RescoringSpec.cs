using RdNas.Nas.Data;
using RdNas.Nas.Devices;
using RdNas.Nas.Evaluation;

namespace RdNas.Nas.Runs;

/// <summary>A finished run to score again, into a folder of its own, with some of its evaluation settings changed.</summary>
/// <param name="RunDirectory">The finished run (result.json and its last checkpoint); never written.</param>
/// <param name="Data">Where CIFAR-10 and the NB201 table are.</param>
/// <param name="OutputDirectory">Receives result.json, subnets.csv and, while scoring, the evaluation journal.</param>
/// <param name="Subnets">Subnets of the 4-op space to score (null: the run's count).</param>
/// <param name="SampleSeed">Seed of the subnet sample (null: the run's; another draws a held-out sample).</param>
/// <param name="BnStatistics"><c>recalibrated</c> or <c>valid-batch</c> (null: the run's).</param>
/// <param name="GroundTruthColumn">The NB201 column to rank against (null: the run's).</param>
/// <param name="Device">Where the supernet scores (null: <c>auto</c>).</param>
public sealed record RescoringSpec(
    string RunDirectory,
    DataDirectory Data,
    string OutputDirectory,
    int? Subnets = null,
    long? SampleSeed = null,
    string? BnStatistics = null,
    string? GroundTruthColumn = null,
    ComputeDevice? Device = null)
{
    /// <summary>Checks the changes before any file is read; the error names the option (<c>--subnets: …</c>).</summary>
    public RescoringSpec Validate()
    {
        CheckChanges(Subnets, BnStatistics);
        return this;
    }

    /// <summary>The checks of <see cref="Validate"/>, for a caller that has not yet resolved the data folder.</summary>
    public static void CheckChanges(int? subnets, string? bnStatistics)
    {
        if (subnets is { } count && Nb201TrainingRun.SubnetCountProblem(count) is { } problem)
        {
            throw new ArgumentException($"--subnets: {problem}");
        }

        if (bnStatistics is null)
        {
            return;
        }

        try
        {
            _ = new EvaluationOptions().WithBatchNorm(bnStatistics);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"--bn-statistics: {UserMessage.Of(e)}", e);
        }
    }

    /// <summary>The run's evaluation settings with this spec's changes.</summary>
    public EvaluationOptions Apply(EvaluationOptions recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var options = BnStatistics is { } statistics ? recorded.WithBatchNorm(statistics) : recorded;
        return options with { Subnets = Subnets ?? options.Subnets, SampleSeed = SampleSeed ?? options.SampleSeed };
    }
}
