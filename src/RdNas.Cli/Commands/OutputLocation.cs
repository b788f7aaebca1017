namespace RdNas.Cli.Commands;

/// <summary>
/// Where a command writes, checked before it does any work: a path that cannot be written (a file in its way, no
/// permission, a read-only file system) is refused naming the option, instead of a stack trace once a training run or
/// a proxy scoring has finished. A folder is only checked (a command refused later leaves nothing behind); a file's
/// folder is created, since its writers expect it.
/// </summary>
internal static class OutputLocation
{
    /// <summary>Checks that the folder <paramref name="path"/> given with <paramref name="option"/> can be created and written; returns its full path.</summary>
    public static string Folder(string option, string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            throw new ArgumentException($"{option}: {full} is a file, not a folder");
        }

        CheckWritable(option, full);
        return full;
    }

    /// <summary>Checks that the file <paramref name="path"/> given with <paramref name="option"/> can be written and creates its folder; returns its full path.</summary>
    public static string FileIn(string option, string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new ArgumentException($"{option}: {full} is a folder, not a file");
        }

        var folder = Path.GetDirectoryName(full) ?? full;
        CheckWritable(option, folder);
        Directory.CreateDirectory(folder);
        return full;
    }

    // The nearest part of the path that exists decides: a file there blocks the folder; a folder there must take a
    // new entry (a probe file is created and deleted), which also catches read-only and pseudo file systems.
    private static void CheckWritable(string option, string folder)
    {
        var existing = folder;
        while (!Directory.Exists(existing) && !File.Exists(existing))
        {
            existing = Path.GetDirectoryName(existing)!; // a full path: the walk ends at the root at the latest, which exists
        }

        if (File.Exists(existing))
        {
            throw new ArgumentException($"{option}: cannot write to {folder}: {existing} is a file");
        }

        try
        {
            var probe = Path.Combine(existing, $".rdnas-write-check-{Environment.ProcessId}-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The system's message would name the probe, a file the user never asked for.
            var why = e is UnauthorizedAccessException ? "permission denied" : e.GetType().Name;
            throw new ArgumentException($"{option}: cannot write to {folder}: {existing} takes no new files ({why})", e);
        }
    }
}
