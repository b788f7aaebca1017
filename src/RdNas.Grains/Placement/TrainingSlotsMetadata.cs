using System.Globalization;
using Orleans.Runtime.MembershipService.SiloMetadata;

namespace RdNas.Grains.Placement;

/// <summary>
/// The silo metadata entry that says how many runs a training silo takes at once (<c>rdnas.training-slots=2</c>);
/// a silo that declares none takes one, so a GPU is never shared unless its silo says so.
/// </summary>
public static class TrainingSlotsMetadata
{
    /// <summary>The metadata key.</summary>
    public const string Key = "rdnas.training-slots";

    /// <summary>The largest slot count a silo may declare.</summary>
    public const int Max = 64;

    /// <summary>The metadata entry of a silo that takes <paramref name="slots"/> runs at once.</summary>
    public static KeyValuePair<string, string> Entry(int slots) =>
        slots is >= 1 and <= Max
            ? new(Key, slots.ToString(CultureInfo.InvariantCulture))
            : throw new ArgumentOutOfRangeException(nameof(slots), slots, $"a silo takes 1 to {Max} runs at once");

    /// <summary>Adds the entry of a silo that takes <paramref name="slots"/> runs at once to its <paramref name="metadata"/>.</summary>
    public static Dictionary<string, string> WithTrainingSlots(this Dictionary<string, string> metadata, int slots)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var (key, value) = Entry(slots);
        metadata.Add(key, value);
        return metadata;
    }

    /// <summary>How many runs the silo with <paramref name="metadata"/> takes at once.</summary>
    public static int Of(SiloMetadata? metadata) =>
        Parse(metadata is not null && metadata.Metadata.TryGetValue(Key, out var value) ? value : null);

    /// <summary>The slot count an entry's <paramref name="value"/> declares: 1 when absent or not a count in range.</summary>
    public static int Parse(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var slots) && slots is >= 1 and <= Max ? slots : 1;
}
