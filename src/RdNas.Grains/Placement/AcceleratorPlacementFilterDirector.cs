using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace RdNas.Grains.Placement;

/// <summary>Filters placement candidates down to the silos that may train.</summary>
public sealed class AcceleratorPlacementFilterDirector(TrainingSilos trainingSilos) : IPlacementFilterDirector
{
    /// <inheritdoc />
    public IEnumerable<SiloAddress> Filter(PlacementFilterStrategy filterStrategy, PlacementTarget target, IEnumerable<SiloAddress> silos) =>
        trainingSilos.Eligible(silos);
}
