using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Supernets.Nb201;

/// <summary>Shape of an NB201 supernet: width C, cells per stage N, class count, and the candidate operations.</summary>
/// <param name="Width">Channels of the first stage (C; the benchmark uses 16).</param>
/// <param name="CellsPerStage">Cells in each of the three stages (N; the benchmark uses 5).</param>
/// <param name="ClassCount">Outputs of the classifier.</param>
/// <param name="OpCount">4 (no <c>none</c>, the RD-NAS space) or 5.</param>
public sealed record Nb201SupernetOptions(int Width = 16, int CellsPerStage = 5, int ClassCount = 10, int OpCount = 4)
{
    /// <summary>
    /// Whether cell batch norms learn a scale and shift. The RD-NAS supernet's do not; the benchmark's stand-alone
    /// networks (and the proxies scored on them, whose parameter counts NB201 publishes) do.
    /// </summary>
    public bool CellAffine { get; init; }

    /// <summary>
    /// Whether the reduction blocks' batch norms learn a scale and shift: they do in the benchmark's networks (the
    /// default); the RD-NAS reference supernet builds them without, as its cells'.
    /// </summary>
    public bool ReductionAffine { get; init; } = true;

    /// <summary>
    /// Factor by which input images are average-pooled before the stem: 1 keeps CIFAR's 32×32, 2 gives 16×16. A budget
    /// knob for candidate presets: a quarter of the pixels buys a deeper supernet in the same time (reduced resolution is
    /// one of EcoNAS's reduction factors, Zhou et al., CVPR 2020).
    /// </summary>
    public int InputDownsample { get; init; } = 1;

    /// <summary>
    /// Probability of dropping a pooled feature before the classifier while training: 0 (no dropout) or the RD-NAS
    /// reference code's 0.1 (the method notes' skeleton). Masks come from the trainer's seeded generator.
    /// </summary>
    public double HeadDropout { get; init; }

    /// <summary>Whether the network has batch norm at all; Synflow scores the network with every BN removed.</summary>
    public bool BatchNorm { get; init; } = true;

    /// <summary>The benchmark's stand-alone network shape (C=16, N=5, all 5 ops, affine BN), on which proxies score.</summary>
    public static Nb201SupernetOptions Benchmark { get; } = new(16, 5, 10, 5) { CellAffine = true };

    /// <summary>Checks every field; the error names the field and its allowed values.</summary>
    public Nb201SupernetOptions Validate()
    {
        if (Width < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Width), Width, "width C must be at least 1");
        }

        if (CellsPerStage < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(CellsPerStage), CellsPerStage, "cells per stage N must be at least 1");
        }

        if (ClassCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(ClassCount), ClassCount, "a classifier needs at least 2 classes");
        }

        if (InputDownsample < 1 || 32 % InputDownsample != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(InputDownsample), InputDownsample, "input downsampling must divide the 32-pixel image side (1, 2, 4, ...)");
        }

        if (!(HeadDropout >= 0 && HeadDropout < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(HeadDropout), HeadDropout, "head dropout is a probability in [0, 1)");
        }

        _ = new Nb201SearchSpace(OpCount);
        return this;
    }
}
