using Microsoft.Extensions.Options;
using RdNas.Grains.Hosting;
using RdNas.Nas.Data;
using RdNas.Nas.GroundTruth;

namespace RdNas.Grains.Architectures;

/// <summary>The silo's NB201 benchmark table, read from the data folder on first use and shared by every architecture grain.</summary>
public sealed class GroundTruthTable(IOptions<RdNasPlatformOptions> options)
{
    private readonly Lazy<Nb201GroundTruth> _table = new(() => Nb201GroundTruth.Load(DataDirectory.Resolve(options.Value.DataDirectory)));

    /// <summary>The table (loaded on the first call; a missing file raises an error naming it).</summary>
    public Nb201GroundTruth Table => _table.Value;
}
