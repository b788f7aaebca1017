using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Proxies;

/// <summary>Parameter count of the stand-alone network in millions (NAS-Bench-201's <c>params</c>).</summary>
public sealed class ParamsProxy : IZeroCostProxy
{
    /// <inheritdoc />
    public string Name => "params";

    /// <inheritdoc />
    public bool NeedsData => false;

    /// <inheritdoc />
    public double Score(ProxyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Nb201CostModel.ParamsMillions(input.Genotype, input.Shape.Width, input.Shape.CellsPerStage, input.Shape.ClassCount);
    }
}
