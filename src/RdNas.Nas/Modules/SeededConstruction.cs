using static TorchSharp.torch;

namespace RdNas.Nas.Modules;

/// <summary>
/// Builds networks whose initial weights depend only on the seed: libtorch's generator and default dtype are
/// process-wide, so seeding, setting the dtype and constructing happen under one lock, and a network built on another
/// thread at the same time (a test, a second scorer) cannot draw from the generator in between.
/// </summary>
public static class SeededConstruction
{
    private static readonly Lock s_construction = new();

    /// <summary>The module <paramref name="construct"/> builds with libtorch seeded from <paramref name="seed"/>, in <paramref name="dtype"/>.</summary>
    public static T Build<T>(long seed, ScalarType dtype, Func<T> construct)
        where T : nn.Module
    {
        ArgumentNullException.ThrowIfNull(construct);
        lock (s_construction)
        {
            // Built directly in the wanted precision: TorchSharp 0.107's Module.to(dtype) fails on a ModuleDict.
            var previous = get_default_dtype();
            set_default_dtype(dtype);
            try
            {
                manual_seed(seed);
                return OwnItsTensors(construct());
            }
            finally
            {
                set_default_dtype(previous);
            }
        }
    }

    // A network built while the caller has a dispose scope open would have its new parameters and buffers registered
    // in that scope and freed when it ends, though the network lives on (a proxy network lent to the next cell).
    private static T OwnItsTensors<T>(T network)
        where T : nn.Module
    {
        foreach (var (_, parameter) in network.named_parameters())
        {
            parameter.DetachFromDisposeScope();
        }

        foreach (var (_, buffer) in network.named_buffers())
        {
            buffer.DetachFromDisposeScope();
        }

        return network;
    }
}
