using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Training.Methods;

/// <summary>
/// FairNAS (Chu et al., ICCV 2021), strict fairness: each step shuffles the candidate operations of every edge
/// independently and trains as many subnets as there are candidates, the k-th taking the k-th operation of each
/// edge; their gradients add up before one optimiser step, so every operation is trained exactly once a step.
/// </summary>
public sealed class FairNasMethod(Nb201SearchSpace space) : ITrainingMethod
{
    /// <inheritdoc />
    public string Name => "fairnas";

    /// <inheritdoc />
    public string Description => Name;

    /// <inheritdoc />
    public StepOutcome Train(TrainingStep context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var subnets = Subnets(context.Subnets);
        double loss = 0;
        long correct = 0;
        foreach (var genotype in subnets)
        {
            var (_, subnetLoss, hits) = context.CrossEntropy(genotype);
            subnetLoss.backward();
            loss += subnetLoss.item<float>();
            correct += hits;
        }

        return new StepOutcome(loss / subnets.Count, context.Accuracy(correct, subnets.Count));
    }

    /// <summary>The step's subnets: every edge's operations in an independent random order, one subnet per position.</summary>
    public IReadOnlyList<Nb201Genotype> Subnets(Randomness.SeededGenerator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var orders = Enumerable.Range(0, Nb201Edges.Count).Select(_ =>
        {
            var ops = space.Ops.ToArray();
            generator.Shuffle<Nb201Op>(ops);
            return ops;
        }).ToArray();
        return [.. Enumerable.Range(0, space.Ops.Count).Select(k => Nb201Genotype.FromOps([.. orders.Select(order => order[k])]))];
    }
}
