namespace RdNas.Abstractions.Architectures;

/// <summary>
/// The key of an <see cref="IArchitectureGrain"/>: the space and the architecture's canonical code joined by a colon,
/// such as <c>nb201:|nor_conv_3x3~0|+|…|</c>. One cell has one grain only if every caller uses the canonical code:
/// the grain refuses a key that is not canonical, naming the canonical form.
/// </summary>
public static class ArchitectureKey
{
    /// <summary>The key of <paramref name="arch"/> in <paramref name="space"/>.</summary>
    public static string Of(string space, string arch)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(space);
        ArgumentException.ThrowIfNullOrWhiteSpace(arch);
        return $"{space.Trim().ToLowerInvariant()}:{arch.Trim()}";
    }

    /// <summary>The space and architecture code of <paramref name="key"/>.</summary>
    public static (string Space, string Arch) Split(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == key.Length - 1)
        {
            throw new ArgumentException($"architecture key '{key}' is not SPACE:ARCH (for example nb201:|skip_connect~0|+|…|)", nameof(key));
        }

        return (key[..colon], key[(colon + 1)..]);
    }
}
