using System.Collections.Immutable;
using RdNas.Abstractions.Architectures;
using RdNas.Grains.Hosting;
using RdNas.Grains.Telemetry;
using RdNas.Nas.Proxies;
using RdNas.Nas.Runs;
using RdNas.Nas.SearchSpaces;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Grains.Architectures;

/// <summary>
/// One NB201 cell. Ground truth comes from the silo's benchmark table; a proxy score is computed on its first request
/// and persisted before it is returned. The grain is not reentrant, so concurrent first requests queue behind the one
/// computing and read its persisted score: each score is computed once.
/// </summary>
public sealed class ArchitectureGrain(
    [PersistentState("architecture", GrainStorage.Name)] IPersistentState<ArchitectureState> state,
    GroundTruthTable groundTruth,
    ProxyScoringService scoring,
    RdNasMetrics metrics) : Grain, IArchitectureGrain
{
    private Nb201Genotype? _genotype;
    private string? _rejection;
    private string _arch = string.Empty;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_genotype, _rejection, _arch) = ParseKey(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    Task<double> IArchitectureGrain.GetGroundTruthAsync(string dataset)
    {
        metrics.ArchitectureQueried("ground_truth");
        var genotype = Genotype();
        try
        {
            return Task.FromResult(groundTruth.Table.Lookup(genotype, dataset));
        }
        catch (KeyNotFoundException e)
        {
            throw new ArchitectureRejectedException(e.Message);
        }
    }

    async Task<double> IArchitectureGrain.GetProxyScoreAsync(string proxy)
    {
        metrics.ArchitectureQueried("proxy_score");
        var genotype = Genotype();
        var zeroCost = Proxy(proxy);
        if (state.State.ProxyScores.TryGetValue(zeroCost.Name, out var cached))
        {
            return cached;
        }

        var score = await scoring.ScoreAsync(zeroCost, genotype);
        state.State.ProxyScores[zeroCost.Name] = score;
        await state.WriteStateAsync();
        return score;
    }

    async Task IArchitectureGrain.RecordSupernetScoreAsync(SupernetScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        metrics.ArchitectureQueried("record_supernet_score");
        _ = Genotype();
        state.State.SupernetScores.RemoveAll(s => s.ExperimentId == score.ExperimentId);
        state.State.SupernetScores.Add(score);
        await state.WriteStateAsync();
    }

    Task<ArchitectureSummary> IArchitectureGrain.DescribeAsync()
    {
        metrics.ArchitectureQueried("describe");
        var genotype = Genotype();
        var table = groundTruth.Table;
        var accuracies = table.Columns.ToImmutableSortedDictionary(c => c, c => table.Lookup(genotype, c), StringComparer.Ordinal);
        return Task.FromResult(new ArchitectureSummary(
            Nb201TrainingRun.Space, _arch, accuracies,
            state.State.ProxyScores.ToImmutableSortedDictionary(StringComparer.Ordinal),
            [.. state.State.SupernetScores.OrderBy(s => s.RecordedUtc)]));
    }

    // A key names one canonical cell: anything else is refused, so one cell never has two grains.
    private static (Nb201Genotype? Genotype, string? Rejection, string Arch) ParseKey(string key)
    {
        try
        {
            var (space, arch) = ArchitectureKey.Split(key);
            if (space != Nb201TrainingRun.Space)
            {
                return (null, $"unknown space '{space}' in architecture key (expected {Nb201TrainingRun.Space})", arch);
            }

            var genotype = Nb201Genotype.Parse(arch);
            var canonical = genotype.ToString();
            return canonical == arch
                ? (genotype, null, arch)
                : (null, $"'{arch}' is not in canonical form; use {ArchitectureKey.Of(space, canonical)}", arch);
        }
        catch (Exception e) when (e is ArgumentException or ArchitectureFormatException)
        {
            return (null, e.Message, key);
        }
    }

    private Nb201Genotype Genotype() =>
        _genotype ?? throw new ArchitectureRejectedException(_rejection ?? "invalid architecture key");

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
