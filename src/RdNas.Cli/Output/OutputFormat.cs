namespace RdNas.Cli.Output;

/// <summary>How a command prints its result: for people or for scripts.</summary>
public enum OutputFormat
{
    /// <summary>Spectre tables and progress bars.</summary>
    Text,

    /// <summary>One JSON document on standard output, no decoration.</summary>
    Json,
}
