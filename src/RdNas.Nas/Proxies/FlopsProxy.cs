using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Proxies;

/// <summary>
/// Forward FLOPs of the stand-alone network at 32×32 in millions (NAS-Bench-201's <c>flops</c>; the RD-NAS reference
/// code's teacher on NB201).
/// </summary>
public sealed class FlopsProxy : IZeroCostProxy
{
    /// <inheritdoc />
    public string Name => "flops";

    /// <inheritdoc />
    public bool NeedsData => false;

    /// <inheritdoc />
    public double Score(ProxyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Nb201CostModel.Mflops(input.Genotype, input.Shape.Width, input.Shape.CellsPerStage, input.Shape.ClassCount);
    }
}
