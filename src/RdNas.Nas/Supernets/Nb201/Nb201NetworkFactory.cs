using RdNas.Nas.Modules;
using static TorchSharp.torch;

namespace RdNas.Nas.Supernets.Nb201;

/// <summary>Builds NB201 networks whose initial weights depend only on the seed (see <see cref="SeededConstruction"/>).</summary>
public static class Nb201NetworkFactory
{
    /// <summary>A network of <paramref name="options"/>, initialised from <paramref name="seed"/>, in <paramref name="dtype"/>.</summary>
    public static Nb201Supernet Create(Nb201SupernetOptions options, long seed, ScalarType dtype = ScalarType.Float32)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SeededConstruction.Build(seed, dtype, () => new Nb201Supernet(options));
    }
}
