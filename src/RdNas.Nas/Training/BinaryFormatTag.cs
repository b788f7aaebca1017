namespace RdNas.Nas.Training;

/// <summary>
/// The string a binary checkpoint file starts with, naming its format and version, so a file of another kind or
/// version is refused with a message rather than read as numbers.
/// </summary>
internal static class BinaryFormatTag
{
    /// <summary>Reads the tag and fails unless it is <paramref name="tag"/>; <paramref name="what"/> names the file's content.</summary>
    public static void Require(BinaryReader reader, string tag, string what)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (Read(reader) != tag)
        {
            throw new InvalidDataException($"not {what} written by this version (expected the tag {tag})");
        }
    }

    private static string Read(BinaryReader reader)
    {
        try
        {
            return reader.ReadString();
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or FormatException)
        {
            return string.Empty;
        }
    }
}
