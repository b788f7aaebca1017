namespace RdNas.Abstractions.Experiments;

/// <summary>
/// A slice of a completed experiment's stored checkpoint archive (a zip of the run folder's <c>checkpoint/</c> and
/// journals): a supernet checkpoint runs to tens of MB, more than one grain message should carry, so a client reads it
/// in slices of at most <see cref="MaxBytes"/>.
/// </summary>
/// <param name="Bytes">The slice's bytes.</param>
/// <param name="TotalBytes">The archive's length.</param>
/// <param name="Version">The stored archive's version: passed back with the next slice's request, so that slices of two different archives are never joined.</param>
[GenerateSerializer, Immutable, Alias("RdNas.CheckpointChunk")]
public sealed record CheckpointChunk(
    [property: Id(0)] byte[] Bytes,
    [property: Id(1)] long TotalBytes,
    [property: Id(2)] string Version)
{
    /// <summary>The most bytes one slice carries (4 MiB).</summary>
    public const int MaxBytes = 4 << 20;
}
