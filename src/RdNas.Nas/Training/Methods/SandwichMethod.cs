using RdNas.Nas.SearchSpaces.Nb201;
using static TorchSharp.torch;

namespace RdNas.Nas.Training.Methods;

/// <summary>
/// The sandwich rule with in-place distillation (Yu et al., BigNAS / slimmable networks) as the RD-NAS reference code
/// (PicoNAS, <c>examples/rdnas</c>) applies it to NB201: each step trains the largest subnet (a 3×3 convolution on
/// every edge) on the labels, then the reference's smallest subnet and two uniform subnets on the largest's detached
/// soft predictions (cross-entropy against its softmax).
/// </summary>
/// <remarks>
/// The reference's smallest subnet keeps a 3×3 convolution on the first edge (node 1 ← input) and skip connections on
/// the other five, rather than the cell with the fewest FLOPs, which is all skip connections and computes nothing.
/// This project's first sandwich took that all-skip cell and one uniform subnet a step, and its supernets rated skip
/// connections highest and ranked at chance (bench/RESULTS.md §5).
/// </remarks>
public sealed class SandwichMethod : ITrainingMethod
{
    /// <summary>Uniform subnets distilled from the largest in each step, besides the smallest (the reference's two).</summary>
    public const int UniformSubnetsPerStep = 2;

    private readonly Nb201SearchSpace _space;

    /// <summary>Trains sandwiches in <paramref name="space"/> (4 or 5 operations: both hold the two fixed cells).</summary>
    public SandwichMethod(Nb201SearchSpace space)
    {
        _space = space ?? throw new ArgumentNullException(nameof(space));
    }

    /// <inheritdoc />
    public string Name => "sandwich";

    /// <summary>The largest subnet: a 3×3 convolution on every edge.</summary>
    public Nb201Genotype Largest { get; } = Nb201Genotype.Parse("|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|");

    /// <summary>The reference code's smallest subnet: a 3×3 convolution on edge (1 ← 0), skip connections elsewhere.</summary>
    public Nb201Genotype Smallest { get; } = Nb201Genotype.Parse("|nor_conv_3x3~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|");

    /// <inheritdoc />
    /// <remarks>Names both fixed cells and the uniform count, so a checkpoint of another sandwich form is refused on resume.</remarks>
    public string Description => $"{Name} (smallest {Smallest}, {UniformSubnetsPerStep} uniform)";

    /// <inheritdoc />
    public StepOutcome Train(TrainingStep context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (logits, loss, correct) = context.CrossEntropy(Largest);
        loss.backward();
        using var teacher = nn.functional.softmax(logits.detach(), 1);
        var students = new[] { Smallest }.Concat(Enumerable.Range(0, UniformSubnetsPerStep).Select(_ => _space.Sample(context.Subnets))).ToList();
        foreach (var student in students)
        {
            using var scope = NewDisposeScope();
            var studentLogits = context.Model.forward(context.Images, student);
            (-(teacher * nn.functional.log_softmax(studentLogits, 1)).sum(1).mean()).backward();
        }

        return new StepOutcome(loss.item<float>(), context.Accuracy(correct));
    }
}
