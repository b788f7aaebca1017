using Orleans.Placement;

namespace RdNas.Grains.Placement;

/// <summary>The placement filter of training workers: only silos that may train (see <see cref="TrainingSilos"/>).</summary>
public sealed class AcceleratorPlacementFilterStrategy : PlacementFilterStrategy
{
    /// <summary>Creates the strategy; it is the only filter on its grains, so its order does not matter.</summary>
    public AcceleratorPlacementFilterStrategy()
        : base(0)
    {
    }
}
