namespace RdNas.Tests.Shared;

/// <summary>
/// The real data folder the tests read, from RDNAS_DATA. A relative value means relative to the repository root, where
/// the README's test command runs (`RDNAS_DATA=../shared/data dotnet test ...`), not to the test's output folder, which
/// is the test process's working directory.
/// </summary>
internal static class RealDataFolder
{
    /// <summary>The absolute folder, or null when RDNAS_DATA is unset.</summary>
    public static string? Find()
    {
        var data = Environment.GetEnvironmentVariable("RDNAS_DATA");
        if (string.IsNullOrWhiteSpace(data) || Path.IsPathRooted(data))
        {
            return data;
        }

        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "RdNas.Orleans.sln")))
        {
            folder = folder.Parent;
        }

        return Path.GetFullPath(Path.Combine(folder?.FullName ?? Environment.CurrentDirectory, data));
    }
}
