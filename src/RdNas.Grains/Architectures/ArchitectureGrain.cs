using System.Collections.Immutable;
using RdNas.Abstractions.Architectures;
using RdNas.Grains.Hosting;
using RdNas.Grains.Telemetry;
using RdNas.Nas;
using RdNas.Nas.Runs;
using RdNas.Nas.SearchSpaces;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.SearchSpaces.ResNet48;

namespace RdNas.Grains.Architectures;

/// <summary>
/// One architecture of NB201 or ResNet48. Ground truth comes from the silo's tables; a proxy score is computed on its
/// first request and persisted before it is returned. The grain is not reentrant, so concurrent first requests queue
/// behind the one computing and read its persisted score: each score is computed once.
/// </summary>
public sealed class ArchitectureGrain(
    [PersistentState("architecture", GrainStorage.Name)] IPersistentState<ArchitectureState> state,
    GroundTruthTable groundTruth,
    ProxyScoringService scoring,
    RdNasMetrics metrics) : Grain, IArchitectureGrain
{
    private ISpaceArchitecture? _architecture;
    private string? _rejection;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_architecture, _rejection) = ParseKey(this.GetPrimaryKeyString());
        return Task.CompletedTask;
    }

    Task<double> IArchitectureGrain.GetGroundTruthAsync(string dataset)
    {
        metrics.ArchitectureQueried("ground_truth");
        return Task.FromResult(Architecture().GroundTruth(dataset));
    }

    async Task<double> IArchitectureGrain.GetProxyScoreAsync(string proxy)
    {
        metrics.ArchitectureQueried("proxy_score");
        var architecture = Architecture();
        var name = architecture.CheckProxy(proxy);
        if (state.State.ProxyScores.TryGetValue(name, out var cached))
        {
            return cached;
        }

        var score = await architecture.ScoreAsync(name);
        state.State.ProxyScores[name] = score;
        await state.WriteStateAsync();
        return score;
    }

    async Task IArchitectureGrain.RecordSupernetScoreAsync(SupernetScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        metrics.ArchitectureQueried("record_supernet_score");
        _ = Architecture();
        state.State.SupernetScores.RemoveAll(s => s.ExperimentId == score.ExperimentId);
        state.State.SupernetScores.Add(score);
        await state.WriteStateAsync();
    }

    async Task IArchitectureGrain.ForgetSupernetScoreAsync(string experimentId)
    {
        ArgumentException.ThrowIfNullOrEmpty(experimentId);
        metrics.ArchitectureQueried("forget_supernet_score");
        _ = Architecture();
        if (state.State.SupernetScores.RemoveAll(s => s.ExperimentId == experimentId) > 0)
        {
            await state.WriteStateAsync();
        }
    }

    Task<ArchitectureSummary> IArchitectureGrain.DescribeAsync()
    {
        metrics.ArchitectureQueried("describe");
        var architecture = Architecture();
        return Task.FromResult(new ArchitectureSummary(
            architecture.Space, architecture.Arch, architecture.Accuracies().ToImmutableSortedDictionary(StringComparer.Ordinal),
            state.State.ProxyScores.ToImmutableSortedDictionary(StringComparer.Ordinal),
            [.. state.State.SupernetScores.OrderBy(s => s.RecordedUtc)]));
    }

    // A key names one canonical architecture: anything else is refused, so one architecture never has two grains.
    private (ISpaceArchitecture? Architecture, string? Rejection) ParseKey(string key)
    {
        try
        {
            var (space, arch) = ArchitectureKey.Split(key);
            var (architecture, canonical) = space switch
            {
                Nb201TrainingRun.Space => Nb201(arch),
                ResNet48Architecture.Name => ResNet48(arch),
                _ => throw new ArgumentException($"unknown space '{space}' in architecture key (expected {Nb201TrainingRun.Space} or {ResNet48Architecture.Name})"),
            };
            return canonical == arch
                ? (architecture, null)
                : (null, $"'{arch}' is not in canonical form; use {ArchitectureKey.Of(space, canonical)}");
        }
        catch (Exception e) when (e is ArgumentException or ArchitectureFormatException)
        {
            return (null, e is ArgumentException argument ? UserMessage.Of(argument) : e.Message);
        }
    }

    private (ISpaceArchitecture, string) Nb201(string arch)
    {
        var genotype = Nb201Genotype.Parse(arch);
        return (new Nb201Architecture(genotype, groundTruth, scoring), genotype.ToString());
    }

    private (ISpaceArchitecture, string) ResNet48(string arch)
    {
        var genotype = ResNet48Genotype.Parse(arch);
        return (new ResNet48Architecture(genotype, groundTruth, scoring), genotype.Code);
    }

    private ISpaceArchitecture Architecture() =>
        _architecture ?? throw new ArchitectureRejectedException(_rejection ?? "invalid architecture key");
}
