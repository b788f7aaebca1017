using Microsoft.Extensions.Options;
using RdNas.Grains.Hosting;
using RdNas.Nas.Data;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.SearchSpaces.ResNet48;

namespace RdNas.Grains.Architectures;

/// <summary>
/// The silo's ground truth, read from the data folder on first use and shared by every architecture grain: the NB201
/// benchmark table, and the stand-alone accuracies of Track 1's arch1..arch30 for ResNet48.
/// </summary>
public sealed class GroundTruthTable(IOptions<RdNasPlatformOptions> options)
{
    private readonly Lazy<Nb201GroundTruth> _table = new(() => Nb201GroundTruth.Load(DataDirectory.Resolve(options.Value.DataDirectory)));
    private readonly Lazy<IReadOnlyDictionary<ResNet48Genotype, double>> _standalone = new(
        () => Track1Architectures.LoadStandalone(DataDirectory.Resolve(options.Value.DataDirectory)).ToDictionary(a => a.Genotype, a => a.Accuracy));

    /// <summary>The NB201 table (loaded on the first call; a missing file raises an error naming it).</summary>
    public Nb201GroundTruth Table => _table.Value;

    /// <summary>Stand-alone ImageNet top-1 by ResNet48 architecture (loaded on the first call; a missing file raises an error naming it).</summary>
    public IReadOnlyDictionary<ResNet48Genotype, double> Track1Standalone => _standalone.Value;
}
