using RdNas.Nas.Modules;
using static TorchSharp.torch;

namespace RdNas.Nas.Training;

/// <summary>
/// RD-NAS's pairwise ranking loss: with the teacher saying which of two subnets is better, R penalises the supernet
/// when the better one's cross-entropy is not the lower: R = ReLU(ℓ_better − ℓ_worse + m). Two behaviours:
/// <see cref="Reference"/> (the authors' code: m = 0, the margin coming from the pair sampler, and the first subnet's
/// loss detached, so the gradient reaches only the second subnet) and <see cref="Paper"/> (a fixed margin m, the
/// gradient reaching both losses).
/// </summary>
public sealed record PairwiseRankingLoss
{
    private PairwiseRankingLoss(string name, double margin, bool detachFirst)
    {
        Name = name;
        Margin = margin;
        DetachFirst = detachFirst;
    }

    /// <summary>The authors' code: margin 0, gradient into the second subnet's loss only.</summary>
    public static PairwiseRankingLoss Reference { get; } = new("reference", 0, detachFirst: true);

    /// <summary><c>reference</c> or <c>paper</c>.</summary>
    public string Name { get; }

    /// <summary>The margin m.</summary>
    public double Margin { get; }

    /// <summary>Whether the first subnet's loss is a constant (stop-gradient) in R.</summary>
    public bool DetachFirst { get; }

    /// <summary>The paper's form: a fixed margin <paramref name="margin"/>, gradient into both losses.</summary>
    public static PairwiseRankingLoss Paper(double margin)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        return double.IsFinite(margin) ? new("paper", margin, detachFirst: false) : throw new ArgumentOutOfRangeException(nameof(margin), margin, "the margin must be finite");
    }

    /// <summary>
    /// R for the pair, from each subnet's (scalar) cross-entropy; <paramref name="secondIsBetter"/> is the teacher's
    /// verdict (teacher(first) &lt; teacher(second)).
    /// </summary>
    public Tensor Compute(Tensor firstLoss, Tensor secondLoss, bool secondIsBetter)
    {
        ArgumentNullException.ThrowIfNull(firstLoss);
        ArgumentNullException.ThrowIfNull(secondLoss);
        using var scope = NewDisposeScope();
        var first = DetachFirst ? firstLoss.detach() : firstLoss;
        var gap = secondIsBetter ? TensorArithmetic.Add(secondLoss, first, -1) : TensorArithmetic.Add(first, secondLoss, -1);
        return TensorArithmetic.AddScalar(gap, Margin).relu().MoveToOuterDisposeScope();
    }
}
