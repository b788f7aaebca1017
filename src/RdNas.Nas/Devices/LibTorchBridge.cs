using System.Runtime.InteropServices;
using ELFSharp.ELF;
using ELFSharp.ELF.Sections;

namespace RdNas.Nas.Devices;

/// <summary>
/// TorchSharp's native bridge, <c>libLibTorchSharp.so</c>: the functions it imports from libtorch, and which of them a
/// libtorch folder lacks. The bridge of TorchSharp 0.107 is built against libtorch 2.10 and binds lazily, so a libtorch
/// of another version that lacks one of its functions loads fine and crashes the process when that function is first
/// called, perhaps hours into a run. Checking every import when <c>RDNAS_LIBTORCH</c> is loaded turns that into an
/// error at start; a folder that has them all (PyTorch 2.11's <c>torch/lib</c>, bench/RESULTS.md §8) is accepted.
/// </summary>
public static class LibTorchBridge
{
    /// <summary>The bridge's file name on Linux.</summary>
    public const string FileName = "libLibTorchSharp.so";

    // libstdc++'s iostream link marker (GLIBCXX_3.4.32): the build marks the bridge's need of it weak, as Debian 12's
    // libstdc++ lacks it (README, "TorchSharp on Debian 12"); nothing calls it, so it may stay unresolved.
    private const string IostreamLinkMarker = "_ZSt21ios_base_library_initv";

    /// <summary>The bridge in the application's native search folders, or null when it has none there.</summary>
    public static string? Find() => LibTorchFolder.FindShippedNative(FileName);

    /// <summary>
    /// The symbols <paramref name="library"/> needs from other libraries: its dynamic symbols that are undefined and not
    /// weak (weak ones, such as the linker's <c>__gmon_start__</c>, may stay unresolved by design), less libstdc++'s
    /// iostream link marker, sorted.
    /// </summary>
    public static IReadOnlyList<string> Imports(string library)
    {
        // 64-bit: the only bridge TorchSharp ships for Linux.
        if (!ELFReader.TryLoad<ulong>(library, out var elf))
        {
            throw new InvalidDataException($"{library} is not a 64-bit ELF library");
        }

        using var loaded = elf;
        if (!elf.TryGetSection(".dynsym", out var section) || section is not SymbolTable<ulong> symbols)
        {
            throw new InvalidDataException($"{library} has no dynamic symbol table");
        }

        return symbols.Entries
            .Where(symbol => symbol.PointedSectionIndex == 0 // SHN_UNDEF: defined elsewhere
                && symbol.Binding != SymbolBinding.Weak && symbol.Name.Length > 0 && symbol.Name != IostreamLinkMarker)
            .Select(symbol => symbol.Name)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The imports none of <paramref name="libraries"/> resolves. A handle from <see cref="NativeLibrary.Load(string)"/>
    /// resolves a symbol from its library or the libraries that library depends on (libc, libstdc++), as the
    /// dynamic linker would bind the bridge.
    /// </summary>
    public static IReadOnlyList<string> Unresolved(IReadOnlyList<string> imports, IReadOnlyList<IntPtr> libraries) =>
        Unresolved(imports, name => libraries.Any(handle => NativeLibrary.TryGetExport(handle, name, out _)));

    /// <summary>The imports <paramref name="resolves"/> does not find, in order.</summary>
    internal static IReadOnlyList<string> Unresolved(IReadOnlyList<string> imports, Func<string, bool> resolves)
    {
        ArgumentNullException.ThrowIfNull(imports);
        return imports.Where(name => !resolves(name)).ToList();
    }
}
