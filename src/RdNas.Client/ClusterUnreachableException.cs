namespace RdNas.Client;

/// <summary>No gateway of the cluster answered; the message names the cluster and the cause.</summary>
public sealed class ClusterUnreachableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClusterUnreachableException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public ClusterUnreachableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public ClusterUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
