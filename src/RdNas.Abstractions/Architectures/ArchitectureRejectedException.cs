namespace RdNas.Abstractions.Architectures;

/// <summary>
/// A request an architecture grain refuses: an invalid or non-canonical key, an unknown proxy or dataset. The message
/// says what was wrong and what is allowed.
/// </summary>
[GenerateSerializer, Alias("RdNas.ArchitectureRejectedException")]
public sealed class ArchitectureRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ArchitectureRejectedException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public ArchitectureRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public ArchitectureRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
