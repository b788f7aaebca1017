namespace RdNas.Nas.Data;

/// <summary>Writes result files so that a crash leaves the old file or the new one, never half of one.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> to a temporary sibling, then renames it over <paramref name="path"/>.</summary>
    public static void WriteAllText(string path, string content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
