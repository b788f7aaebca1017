using System.Runtime.InteropServices;

namespace RdNas.Nas.Devices;

/// <summary>
/// Loads libtorch from a folder named by <c>RDNAS_LIBTORCH</c>: how a GPU silo gets a CUDA build of libtorch 2.10,
/// which the package registry does not carry. Must run before the first TorchSharp call of the process (first thing in
/// <c>Main</c>), in an application built without the CPU build (<c>-p:RdNasExternalLibTorch=true</c>).
/// </summary>
/// <remarks>
/// The folder's libraries are loaded by full path, in dependency order. TorchSharp then asks for <c>torch_cpu</c> (and
/// <c>torch_cuda</c>) by name: with no copy in the application's folders, the dynamic linker answers with the loaded
/// library of that name, and binds the bridge <c>libLibTorchSharp.so</c> (shipped, patched at build time, see the README)
/// to them too. An application that ships the CPU build would have TorchSharp load that copy by its path as well, and
/// two libtorch copies in one process abort at start ("Tried to register multiple backend fallbacks"): such a build
/// refuses the setting instead. A folder must also hold every function the bridge imports (<see cref="LibTorchBridge"/>):
/// another libtorch version is accepted when it does (PyTorch 2.11's was, on an H200) and refused when it does not.
/// </remarks>
public static class LibTorchFolder
{
    /// <summary>The environment variable naming the folder.</summary>
    public const string EnvironmentVariable = "RDNAS_LIBTORCH";

    // Dependency order; the CUDA pair exists only in CUDA builds.
    private static readonly string[] s_libraries = ["libc10.so", "libc10_cuda.so", "libtorch_cpu.so", "libtorch_cuda.so", "libtorch.so"];
    private static readonly string[] s_required = ["libc10.so", "libtorch_cpu.so", "libtorch.so"];
    private static readonly Lock s_lock = new();

    /// <summary>The folder libtorch was loaded from by <see cref="Load"/>, or null when the shipped build is used.</summary>
    public static string? Configured { get; private set; }

    /// <summary>
    /// How many imports of TorchSharp's bridge <see cref="Load"/> found in the folder (all of them, or it fails), or null
    /// when nothing was checked: the shipped build is used, or the application has no bridge where it looks.
    /// </summary>
    public static int? BridgeImports { get; private set; }

    /// <summary>
    /// Loads libtorch from <c>RDNAS_LIBTORCH</c> when it is set and returns the folder; null when it is not set and the
    /// application ships libtorch. A build without libtorch and without the setting is an error saying what to set.
    /// </summary>
    public static string? LoadFromEnvironment()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } folder)
        {
            return Load(folder);
        }

        return ShippedLibTorch() is not null || !OperatingSystem.IsLinux()
            ? null
            : throw new InvalidOperationException(
                $"this build ships no libtorch (built with RdNasExternalLibTorch=true, for GPU silos): set {EnvironmentVariable} to the lib folder of a libtorch 2.10 build");
    }

    /// <summary>
    /// The CPU libtorch the application ships (its <c>libtorch_cpu.so</c> in the runtime's native search folders), or
    /// null in a build without it.
    /// </summary>
    public static string? ShippedLibTorch() => FindShippedNative("libtorch_cpu.so");

    /// <summary>
    /// A native library the application ships: <paramref name="fileName"/> in the runtime's native search folders
    /// (the application's own and its packages' <c>runtimes/…/native</c>), or null.
    /// </summary>
    internal static string? FindShippedNative(string fileName) =>
        (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") as string ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Append(AppContext.BaseDirectory)
            .Select(folder => Path.Combine(folder, fileName))
            .FirstOrDefault(File.Exists);

    /// <summary>
    /// Loads libtorch from <paramref name="folder"/> (a libtorch distribution's root or its <c>lib</c> folder) and returns
    /// the folder the libraries came from. Errors name the missing file, the library that failed to load and why, or the
    /// libtorch already in the process.
    /// </summary>
    public static string Load(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException($"{EnvironmentVariable} is supported on Linux only");
        }

        var lib = LibraryFolder(folder);
        lock (s_lock)
        {
            if (Configured == lib)
            {
                return lib;
            }

            if (Refusal(lib, Configured, ShippedLibTorch(), MappedLibraries()) is { } refusal)
            {
                throw new InvalidOperationException(refusal);
            }

            var handles = new List<IntPtr>();
            foreach (var name in s_libraries)
            {
                var path = Path.Combine(lib, name);
                if (!File.Exists(path))
                {
                    continue; // a CPU build has no CUDA pair; the required ones were checked by LibraryFolder
                }

                try
                {
                    handles.Add(NativeLibrary.Load(path));
                }
                catch (DllNotFoundException e)
                {
                    throw new InvalidOperationException($"{EnvironmentVariable}: could not load {path}: {e.Message}", e);
                }
            }

            BridgeImports = CheckBridge(lib, handles);
            Configured = lib;
            return lib;
        }
    }

    /// <summary>
    /// The libtorch and c10 libraries mapped into this process, by full path (Linux; empty elsewhere or before TorchSharp
    /// is first used). Every path should lie in one folder: two copies of libtorch in one process corrupt its registries.
    /// </summary>
    public static IReadOnlyList<string> MappedLibraries()
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps))
        {
            return [];
        }

        return File.ReadLines(maps)
            .Select(line => line.IndexOf('/', StringComparison.Ordinal) is var slash and >= 0 ? line[slash..] : null)
            .OfType<string>()
            .Where(path => Path.GetFileName(path) is var file && (file.StartsWith("libtorch", StringComparison.Ordinal) || file.StartsWith("libc10", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>One phrase saying which libtorch this process runs: the folder and whether it is a CUDA build.</summary>
    public static string Describe()
    {
        var mapped = MappedLibraries();
        if (mapped.Count == 0)
        {
            return "not loaded yet";
        }

        var folders = mapped.Select(Path.GetDirectoryName).Distinct(StringComparer.Ordinal).ToList();
        var build = mapped.Any(p => Path.GetFileName(p).StartsWith("libtorch_cuda", StringComparison.Ordinal)) ? "CUDA build" : "CPU build";
        return $"{build} from {string.Join(" and ", folders)}{(Configured is null ? "" : $" ({EnvironmentVariable})")}";
    }

    /// <summary>
    /// Why loading libtorch from <paramref name="lib"/> now would put a second copy into the process, or null when it
    /// may go ahead: another folder was loaded before (<paramref name="configured"/>), the build ships its own libtorch
    /// (<paramref name="shipped"/>), or TorchSharp has already mapped one (<paramref name="mapped"/>). Given the process's
    /// state as arguments, so every refusal is tested alone, also those no host can reach.
    /// </summary>
    internal static string? Refusal(string lib, string? configured, string? shipped, IReadOnlyList<string> mapped) =>
        configured is not null
            ? configured == lib ? null : $"libtorch is already loaded from {configured}; cannot switch to {lib}"
        : shipped is not null
            ? $"{EnvironmentVariable} is set, but this build ships its own libtorch ({shipped}), which TorchSharp would load as a second copy: " +
              "use a build made with -p:RdNasExternalLibTorch=true (the GPU silo image is), or unset it"
        : mapped is [var first, ..]
            ? $"libtorch is already loaded from {Path.GetDirectoryName(first)}: {EnvironmentVariable} must take effect before the process first uses TorchSharp"
        : null;

    // Every function TorchSharp's bridge imports must be in the folder's libtorch (LibTorchBridge says why).
    private static int? CheckBridge(string lib, IReadOnlyList<IntPtr> handles)
    {
        if (LibTorchBridge.Find() is not { } bridge)
        {
            return null;
        }

        var imports = LibTorchBridge.Imports(bridge);
        var unresolved = LibTorchBridge.Unresolved(imports, handles);
        return unresolved.Count == 0
            ? imports.Count
            : throw new InvalidOperationException(
                $"{EnvironmentVariable}: the libtorch in {lib} lacks {unresolved.Count} of the {imports.Count} functions TorchSharp's bridge ({bridge}) calls, " +
                $"first {string.Join(", ", unresolved.Take(3))}: it is not the libtorch 2.10 TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString(3)} is built for " +
                "(a libtorch 2.10 distribution's lib folder, or a PyTorch install's torch/lib that has every function, such as 2.11's)");
    }

    private static string LibraryFolder(string folder)
    {
        var full = Path.GetFullPath(folder);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"{EnvironmentVariable}: folder {full} does not exist");
        }

        // A libtorch download unpacks to libtorch/{include,lib,share}: accept its root as well as its lib folder.
        var lib = File.Exists(Path.Combine(full, "libtorch.so")) || !Directory.Exists(Path.Combine(full, "lib")) ? full : Path.Combine(full, "lib");
        var missing = s_required.Where(name => !File.Exists(Path.Combine(lib, name))).ToList();
        return missing.Count == 0
            ? lib
            : throw new FileNotFoundException($"{EnvironmentVariable}: {lib} has no {string.Join(", ", missing)} (expected the lib folder of a libtorch 2.10 distribution)", Path.Combine(lib, missing[0]));
    }
}
