using RdNas.Nas.SearchSpaces.Nb201;
using static TorchSharp.torch;

namespace RdNas.Nas.Training.Methods;

/// <summary>
/// The sandwich rule with in-place distillation (Yu et al., BigNAS / slimmable networks): each step trains the largest
/// subnet (most FLOPs) on the labels, then the smallest connected subnet and one uniform subnet on the largest's
/// detached soft predictions (cross-entropy against its softmax).
/// </summary>
public sealed class SandwichMethod : ITrainingMethod
{
    private readonly Nb201SearchSpace _space;

    /// <summary>Finds the space's largest and smallest subnets by NAS-Bench-201's FLOPs count.</summary>
    public SandwichMethod(Nb201SearchSpace space)
    {
        _space = space ?? throw new ArgumentNullException(nameof(space));
        var byFlops = space.Enumerate().Where(c => !c.IsDisconnected).OrderBy(c => Nb201CostModel.Mflops(c)).ThenBy(c => c.ToString(), StringComparer.Ordinal).ToList();
        Smallest = byFlops[0];
        Largest = byFlops[^1];
    }

    /// <inheritdoc />
    public string Name => "sandwich";

    /// <summary>The subnet with the most FLOPs.</summary>
    public Nb201Genotype Largest { get; }

    /// <summary>The connected subnet with the fewest FLOPs.</summary>
    public Nb201Genotype Smallest { get; }

    /// <inheritdoc />
    public string Description => Name;

    /// <inheritdoc />
    public StepOutcome Train(TrainingStep context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (logits, loss, correct) = context.CrossEntropy(Largest);
        loss.backward();
        using var teacher = nn.functional.softmax(logits.detach(), 1);
        foreach (var student in new[] { Smallest, _space.Sample(context.Subnets) })
        {
            using var scope = NewDisposeScope();
            var studentLogits = context.Model.forward(context.Images, student);
            (-(teacher * nn.functional.log_softmax(studentLogits, 1)).sum(1).mean()).backward();
        }

        return new StepOutcome(loss.item<float>(), context.Accuracy(correct));
    }
}
