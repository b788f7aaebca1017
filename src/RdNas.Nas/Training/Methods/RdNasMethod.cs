using RdNas.Nas.Modules;
using RdNas.Nas.Sampling;
using RdNas.Nas.Teachers;

namespace RdNas.Nas.Training.Methods;

/// <summary>
/// RD-NAS (Dong et al., ICASSP 2023): each step draws a pair (a, b) from a pair sampler, back-propagates both
/// subnets' cross-entropies, and adds λ(epoch) · R, the pairwise ranking loss that orders ℓa and ℓb as the teacher
/// (a zero-cost proxy) orders a and b. The teacher is read, never the ground truth.
/// </summary>
public sealed class RdNasMethod(IPairSampler pairs, TeacherScores teacher, PairwiseRankingLoss rankingLoss, LambdaSchedule lambda) : ITrainingMethod
{
    /// <inheritdoc />
    public string Name => "rdnas";

    /// <inheritdoc />
    public string Description => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"rdnas pairs={pairs.Name}>={pairs.Threshold} teacher={teacher.Proxy} loss={rankingLoss.Name} margin={rankingLoss.Margin} lambda={lambda}");

    /// <summary>The pair sampler.</summary>
    public IPairSampler Pairs => pairs;

    /// <summary>The teacher's scores.</summary>
    public TeacherScores Teacher => teacher;

    /// <summary>The ranking loss.</summary>
    public PairwiseRankingLoss RankingLoss => rankingLoss;

    /// <summary>The ranking loss's weight by epoch.</summary>
    public LambdaSchedule Lambda => lambda;

    /// <inheritdoc />
    public StepOutcome Train(TrainingStep context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (first, second) = pairs.NextPair(context.Subnets);
        var (_, firstLoss, firstCorrect) = context.CrossEntropy(first);
        // The paper's form sends R's gradient into the first subnet too, through the graph kept here.
        firstLoss.backward(retain_graph: !rankingLoss.DetachFirst);
        var (_, secondLoss, secondCorrect) = context.CrossEntropy(second);
        var ranking = rankingLoss.Compute(firstLoss, secondLoss, secondIsBetter: teacher[first] < teacher[second]);
        TensorArithmetic.Add(secondLoss, ranking, lambda.At(context.Epoch, context.Epochs)).backward();
        return new StepOutcome((firstLoss.item<float>() + secondLoss.item<float>()) / 2, context.Accuracy(firstCorrect + secondCorrect, 2));
    }
}
