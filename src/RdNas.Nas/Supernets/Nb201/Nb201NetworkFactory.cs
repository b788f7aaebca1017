using RdNas.Nas.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace RdNas.Nas.Supernets.Nb201;

/// <summary>Builds NB201 networks whose initial weights depend only on the seed (see <see cref="SeededConstruction"/>).</summary>
public static class Nb201NetworkFactory
{
    /// <summary>
    /// A network of <paramref name="options"/>, initialised from <paramref name="seed"/> on the CPU (so every device
    /// starts from the same weights), in <paramref name="dtype"/>, then moved to <paramref name="device"/> (default: the
    /// CPU). Take its parameters for an optimiser only after this: moving replaces them.
    /// </summary>
    public static Nb201Supernet Create(Nb201SupernetOptions options, long seed, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var network = SeededConstruction.Build(seed, dtype, () => new Nb201Supernet(options));
        if (device is { type: not DeviceType.CPU })
        {
            network.to(device);
        }

        return network;
    }
}
