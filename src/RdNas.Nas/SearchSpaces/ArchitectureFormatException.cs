namespace RdNas.Nas.SearchSpaces;

/// <summary>An architecture string that does not parse; the message names the bad token and where it is.</summary>
public sealed class ArchitectureFormatException : FormatException
{
    /// <summary>Creates the exception for a bad token at a character position of the input.</summary>
    public ArchitectureFormatException(string input, int position, string message)
        : base($"invalid architecture '{input}' at position {position}: {message}")
    {
        Input = input;
        Position = position;
    }

    /// <summary>The string that failed to parse.</summary>
    public string Input { get; }

    /// <summary>Zero-based character position of the first bad token.</summary>
    public int Position { get; }
}
