using RdNas.Nas.Sampling;

namespace RdNas.Nas.Training.Methods;

/// <summary>SPOS (Guo et al., ECCV 2020): one subnet per step from a sampler (uniform by default), cross-entropy.</summary>
public sealed class SposMethod(ISubnetSampler sampler) : ITrainingMethod
{
    /// <inheritdoc />
    public string Name => sampler.Name;

    /// <inheritdoc />
    public string Description => sampler.Name;

    /// <inheritdoc />
    public StepOutcome Train(TrainingStep context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (_, loss, correct) = context.CrossEntropy(sampler.NextSubnet(context.Subnets));
        loss.backward();
        return new StepOutcome(loss.item<float>(), context.Accuracy(correct));
    }
}
