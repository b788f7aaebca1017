namespace RdNas.Abstractions.Experiments;

/// <summary>A submitted spec with a bad field; <see cref="Field"/> names it and the message says what is allowed.</summary>
[GenerateSerializer, Alias("RdNas.InvalidExperimentSpecException")]
public sealed class InvalidExperimentSpecException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidExperimentSpecException()
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception with its message.</summary>
    public InvalidExperimentSpecException(string message)
        : this(string.Empty, message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public InvalidExperimentSpecException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
    }

    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    public InvalidExperimentSpecException(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
    }

    /// <summary>The spec field that is wrong, such as <c>epochs</c>.</summary>
    [Id(0)]
    public string Field { get; }
}
