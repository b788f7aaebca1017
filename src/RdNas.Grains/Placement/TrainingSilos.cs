using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService.SiloMetadata;
using RdNas.Grains.Hosting;

namespace RdNas.Grains.Placement;

/// <summary>
/// Which silos may host a training worker: those that declare an accelerator; when none does and the cluster allows
/// it, every silo. The placement filter and the experiment grain's "why am I waiting" message share this rule.
/// </summary>
public sealed class TrainingSilos(ISiloMetadataCache metadata, IClusterMembershipService membership, IOptions<RdNasPlatformOptions> options)
{
    /// <summary>The silos among <paramref name="candidates"/> a worker may be placed on.</summary>
    public IReadOnlyList<SiloAddress> Eligible(IEnumerable<SiloAddress> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var all = candidates.ToList();
        var accelerated = all.Where(s => AcceleratorMetadata.Declares(metadata.GetSiloMetadata(s))).ToList();
        return accelerated.Count > 0 || !options.Value.AllowCpuTraining ? accelerated : all;
    }

    /// <summary>The active silos of the cluster a worker may be placed on now.</summary>
    public IReadOnlyList<SiloAddress> EligibleNow() =>
        Eligible(membership.CurrentSnapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress));

    /// <summary>The active silos a worker may be placed on now (parsable addresses) with the runs each takes at once.</summary>
    public IReadOnlyDictionary<string, int> SlotsNow() =>
        EligibleNow().ToDictionary(s => s.ToParsableString(), s => TrainingSlotsMetadata.Of(metadata.GetSiloMetadata(s)), StringComparer.Ordinal);

    /// <summary>Why no silo is eligible, for an experiment's status.</summary>
    public string WaitingReason() => options.Value.AllowCpuTraining
        ? "waiting for a silo: none is active"
        : $"waiting for a silo that declares {AcceleratorMetadata.Key} (none is active; set {RdNasPlatformOptions.Section}:{nameof(RdNasPlatformOptions.AllowCpuTraining)}=true to train on CPU silos)";
}
