using Orleans.Placement;

namespace RdNas.Grains.Placement;

/// <summary>Places the grain only on silos that may train (see <see cref="TrainingSilos"/>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class AcceleratorPlacementFilterAttribute : PlacementFilterAttribute
{
    /// <summary>Applies the accelerator filter.</summary>
    public AcceleratorPlacementFilterAttribute()
        : base(new AcceleratorPlacementFilterStrategy())
    {
    }
}
