using System.Runtime.InteropServices;
using RdNas.Nas.Devices;
using static TorchSharp.torch;

namespace RdNas.Nas.Tests.Devices;

public sealed class LibTorchBridgeTests
{
    [Fact]
    public void Imports_TheShippedBridge_AreItsStrongLibtorchAndSystemImports()
    {
        var bridge = LibTorchBridge.Find();
        Assert.NotNull(bridge);

        var imports = LibTorchBridge.Imports(bridge);

        Assert.InRange(imports.Count, 1_000, 5_000);
        Assert.Contains(imports, name => name.StartsWith("_ZN2at", StringComparison.Ordinal)); // ATen
        Assert.Contains(imports, name => name.StartsWith("_ZN3c10", StringComparison.Ordinal)); // c10
        Assert.Contains("malloc", imports);
        Assert.DoesNotContain("__gmon_start__", imports); // weak: may stay unresolved
        Assert.Equal(imports.Order(StringComparer.Ordinal), imports);
    }

    [Fact]
    public void Unresolved_TheShippedLibtorch_ResolvesEveryImport()
    {
        _ = get_num_threads(); // TorchSharp loaded the shipped libtorch
        var folder = Path.GetDirectoryName(LibTorchFolder.ShippedLibTorch())!;
        var handles = new[] { "libtorch.so", "libtorch_cpu.so", "libc10.so" }.Select(name => NativeLibrary.Load(Path.Combine(folder, name))).ToList();

        Assert.Empty(LibTorchBridge.Unresolved(LibTorchBridge.Imports(LibTorchBridge.Find()!), handles));
    }

    [Fact]
    public void Unresolved_ALibraryWithoutLibtorch_ResolvesOnlyTheSystemImports()
    {
        var imports = LibTorchBridge.Imports(LibTorchBridge.Find()!);
        var system = NativeLibrary.Load(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "libSystem.Native.so"));

        var unresolved = LibTorchBridge.Unresolved(imports, [system]);

        Assert.Contains(unresolved, name => name.StartsWith("_ZN2at", StringComparison.Ordinal));
        Assert.DoesNotContain("malloc", unresolved); // from libc, a dependency of the library searched
    }

    [Fact]
    public void Unresolved_KeepsTheImportsNotFoundInOrder()
    {
        Assert.Equal(["b", "d"], LibTorchBridge.Unresolved(["a", "b", "c", "d"], name => name is "a" or "c"));
    }

    [Fact]
    public void Imports_AFileThatIsNotELF_NamesIt()
    {
        var file = Path.Combine(TestData.TempFolder(), "libLibTorchSharp.so");
        File.WriteAllText(file, "not a library");

        var error = Assert.Throws<InvalidDataException>(() => LibTorchBridge.Imports(file));

        Assert.Equal($"{file} is not a 64-bit ELF library", error.Message);
    }

    [Fact]
    public void Imports_AnELFFileWithoutDynamicSymbols_NamesIt()
    {
        // A 64-bit little-endian x86-64 shared-object header with no sections at all.
        var header = new byte[64];
        new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1 }.CopyTo(header, 0);
        BitConverter.GetBytes((ushort)3).CopyTo(header, 16); // e_type: ET_DYN
        BitConverter.GetBytes((ushort)0x3E).CopyTo(header, 18); // e_machine: x86-64
        BitConverter.GetBytes(1u).CopyTo(header, 20); // e_version
        BitConverter.GetBytes((ushort)64).CopyTo(header, 52); // e_ehsize
        var file = Path.Combine(TestData.TempFolder(), "libempty.so");
        File.WriteAllBytes(file, header);

        var error = Assert.Throws<InvalidDataException>(() => LibTorchBridge.Imports(file));

        Assert.Equal($"{file} has no dynamic symbol table", error.Message);
    }
}
