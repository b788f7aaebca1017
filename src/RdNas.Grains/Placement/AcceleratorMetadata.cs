using Orleans.Runtime.MembershipService.SiloMetadata;

namespace RdNas.Grains.Placement;

/// <summary>
/// The silo metadata entry that declares an accelerator (<c>rdnas.accelerator=cuda</c>). Silos that train carry it;
/// external clients carry no silo metadata at all, which is why placement filters on it on the silo side.
/// </summary>
public static class AcceleratorMetadata
{
    /// <summary>The metadata key.</summary>
    public const string Key = "rdnas.accelerator";

    /// <summary>The metadata of a silo with <paramref name="accelerator"/> (such as <c>cuda</c>); empty for a CPU silo.</summary>
    public static Dictionary<string, string> For(string? accelerator) =>
        Declares(accelerator) ? new() { [Key] = accelerator!.Trim() } : [];

    /// <summary>Whether <paramref name="metadata"/> declares an accelerator.</summary>
    public static bool Declares(SiloMetadata metadata) =>
        metadata is not null && metadata.Metadata.TryGetValue(Key, out var value) && Declares(value);

    private static bool Declares(string? value) =>
        !string.IsNullOrWhiteSpace(value) && !value.Trim().Equals("none", StringComparison.OrdinalIgnoreCase) && !value.Trim().Equals("cpu", StringComparison.OrdinalIgnoreCase);
}
