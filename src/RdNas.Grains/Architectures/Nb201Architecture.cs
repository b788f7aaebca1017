using RdNas.Abstractions.Architectures;
using RdNas.Nas;
using RdNas.Nas.Proxies;
using RdNas.Nas.Runs;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Grains.Architectures;

/// <summary>An NB201 cell: ground truth from the benchmark table, scores from the registry's proxies on the benchmark network.</summary>
internal sealed class Nb201Architecture(Nb201Genotype genotype, GroundTruthTable groundTruth, ProxyScoringService scoring) : ISpaceArchitecture
{
    public string Space => Nb201TrainingRun.Space;

    public string Arch => genotype.ToString();

    public double GroundTruth(string dataset)
    {
        try
        {
            return groundTruth.Table.Lookup(genotype, dataset);
        }
        catch (KeyNotFoundException e)
        {
            throw new ArchitectureRejectedException(e.Message);
        }
    }

    public IReadOnlyDictionary<string, double> Accuracies() =>
        groundTruth.Table.Columns.ToDictionary(c => c, c => groundTruth.Table.Lookup(genotype, c), StringComparer.Ordinal);

    public string CheckProxy(string proxy) => Proxy(proxy).Name;

    public Task<double> ScoreAsync(string proxy) => scoring.ScoreAsync(ProxyRegistry.Get(proxy), genotype);

    private static IZeroCostProxy Proxy(string name)
    {
        if (name?.StartsWith(ProxyColumn.EnsemblePrefix, StringComparison.Ordinal) == true)
        {
            throw new ArchitectureRejectedException($"'{name}': an ensemble ranks cells against each other, so one cell has no ensemble score; ask for its members");
        }

        try
        {
            return ProxyRegistry.Get(name!);
        }
        catch (ArgumentException e)
        {
            throw new ArchitectureRejectedException(UserMessage.Of(e));
        }
    }
}
