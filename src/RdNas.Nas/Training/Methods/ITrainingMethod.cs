namespace RdNas.Nas.Training.Methods;

/// <summary>
/// What one supernet training step does between clearing the gradients and the optimiser step: which subnets it
/// trains and with which losses. Implementations back-propagate into the model's gradients and draw every random
/// choice from <see cref="TrainingStep.Subnets"/>.
/// </summary>
public interface ITrainingMethod
{
    /// <summary>The method's name as the CLI and result files spell it (<c>spos</c>, <c>fairnas</c>, …).</summary>
    string Name { get; }

    /// <summary>
    /// Every setting that changes what the method trains (for RD-NAS: pair sampler, teacher, loss, λ); a checkpoint
    /// resumes only under the same description.
    /// </summary>
    string Description { get; }

    /// <summary>Back-propagates the step's losses; returns the mean cross-entropy and accuracy of the subnets trained.</summary>
    StepOutcome Train(TrainingStep context);
}
