using RdNas.Abstractions.Architectures;
using RdNas.Nas;
using RdNas.Nas.Proxies;
using RdNas.Nas.SearchSpaces.ResNet48;

namespace RdNas.Grains.Architectures;

/// <summary>
/// A ResNet48 architecture of the CVPR 2022 Track 1 space: its only ground truth is one team's stand-alone ImageNet
/// top-1 of arch1..arch30 (dataset <see cref="StandaloneDataset"/>); its scores come from the data-free proxies on its
/// own network at the silo's configured input side.
/// </summary>
internal sealed class ResNet48Architecture(ResNet48Genotype genotype, GroundTruthTable groundTruth, ProxyScoringService scoring) : ISpaceArchitecture
{
    /// <summary>The space's name in architecture keys.</summary>
    public const string Name = "resnet48";

    /// <summary>The ground-truth dataset: stand-alone ImageNet top-1 (not official; 30 architectures).</summary>
    public const string StandaloneDataset = "imagenet_standalone";

    public string Space => Name;

    public string Arch => genotype.Code;

    public double GroundTruth(string dataset)
    {
        if (dataset != StandaloneDataset)
        {
            throw new ArchitectureRejectedException($"no ground-truth dataset '{dataset}' for resnet48 (datasets: {StandaloneDataset})");
        }

        return groundTruth.Track1Standalone.TryGetValue(genotype, out var accuracy)
            ? accuracy
            : throw new ArchitectureRejectedException($"resnet48 architecture {genotype.Code} has no stand-alone accuracy (only Track 1's arch1..arch30 have one)");
    }

    public IReadOnlyDictionary<string, double> Accuracies() =>
        groundTruth.Track1Standalone.TryGetValue(genotype, out var accuracy)
            ? new Dictionary<string, double>(StringComparer.Ordinal) { [StandaloneDataset] = accuracy }
            : new Dictionary<string, double>(StringComparer.Ordinal);

    public string CheckProxy(string proxy)
    {
        try
        {
            return ResNet48ProxyScorer.CheckName(proxy);
        }
        catch (ArgumentException e)
        {
            throw new ArchitectureRejectedException(UserMessage.Of(e));
        }
    }

    public Task<double> ScoreAsync(string proxy) => scoring.ScoreAsync(proxy, genotype);
}
