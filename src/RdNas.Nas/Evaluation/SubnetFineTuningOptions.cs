namespace RdNas.Nas.Evaluation;

/// <summary>
/// A few SGD steps of one subnet alone before it is scored (<see cref="SubnetFineTuning"/>), on the same train batches
/// for every subnet; the shared weights are put back afterwards.
/// </summary>
/// <param name="Steps">SGD steps per subnet.</param>
/// <param name="LearningRate">Constant step size η.</param>
/// <param name="BatchSize">Train images per step.</param>
/// <param name="Momentum">Momentum μ (training's).</param>
/// <param name="WeightDecay">L2 weight decay (training's).</param>
public sealed record SubnetFineTuningOptions(int Steps, double LearningRate, int BatchSize = 64, double Momentum = 0.9, double WeightDecay = 5e-4)
{
    /// <summary>Checks every field; the error names the field.</summary>
    public SubnetFineTuningOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Steps, nameof(Steps));
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "the fine-tuning learning rate must be a positive number");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
        if (!(Momentum >= 0 && Momentum < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Momentum), Momentum, "momentum must lie in [0, 1)");
        }

        if (!(WeightDecay >= 0) || double.IsInfinity(WeightDecay))
        {
            throw new ArgumentOutOfRangeException(nameof(WeightDecay), WeightDecay, "weight decay must be zero or a positive number");
        }

        return this;
    }
}
