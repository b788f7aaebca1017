using static TorchSharp.torch;

namespace RdNas.Nas.Supernets.Nb201;

/// <summary>
/// Builds NB201 networks whose initial weights depend only on the seed: libtorch's generator and default dtype are
/// process-wide, so seeding, setting the dtype and constructing happen under one lock, and a network built on another
/// thread at the same time (a test, a second scorer) cannot draw from the generator in between.
/// </summary>
public static class Nb201NetworkFactory
{
    private static readonly Lock s_construction = new();

    /// <summary>A network of <paramref name="options"/>, initialised from <paramref name="seed"/>, in <paramref name="dtype"/>.</summary>
    public static Nb201Supernet Create(Nb201SupernetOptions options, long seed, ScalarType dtype = ScalarType.Float32)
    {
        ArgumentNullException.ThrowIfNull(options);
        lock (s_construction)
        {
            // Built directly in the wanted precision: TorchSharp 0.107's Module.to(dtype) fails on a ModuleDict.
            var previous = get_default_dtype();
            set_default_dtype(dtype);
            try
            {
                manual_seed(seed);
                return OwnItsTensors(new Nb201Supernet(options));
            }
            finally
            {
                set_default_dtype(previous);
            }
        }
    }

    // A network built while the caller has a dispose scope open would have its new parameters and buffers registered
    // in that scope and freed when it ends, though the network lives on (a proxy network lent to the next cell).
    private static Nb201Supernet OwnItsTensors(Nb201Supernet network)
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
