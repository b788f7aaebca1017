using RdNas.Nas.Devices;
using static TorchSharp.torch;

namespace RdNas.Nas.Tests.Devices;

public sealed class LibTorchFolderTests
{
    [Fact]
    public void MappedLibraries_ThisProcess_OneCopyOfLibtorchFromTheShippedBuild()
    {
        _ = get_num_threads(); // TorchSharp loaded

        var mapped = LibTorchFolder.MappedLibraries();

        Assert.Contains(mapped, path => Path.GetFileName(path) == "libtorch_cpu.so");
        Assert.Single(mapped, path => Path.GetFileName(path) == "libtorch_cpu.so");
        Assert.Single(mapped.Select(Path.GetDirectoryName).Distinct());
        Assert.StartsWith("CPU build from ", LibTorchFolder.Describe(), StringComparison.Ordinal);
        Assert.NotNull(LibTorchFolder.ShippedLibTorch());
    }

    [Fact]
    public void Load_MissingFolder_NamesIt()
    {
        var folder = Path.Combine(TestData.TempFolder(), "nowhere");

        var error = Assert.Throws<DirectoryNotFoundException>(() => LibTorchFolder.Load(folder));

        Assert.Equal($"RDNAS_LIBTORCH: folder {folder} does not exist", error.Message);
    }

    [Fact]
    public void Load_FolderWithoutLibtorch_NamesTheMissingLibraries()
    {
        var folder = TestData.TempFolder();
        File.WriteAllBytes(Path.Combine(folder, "libc10.so"), []);

        var error = Assert.Throws<FileNotFoundException>(() => LibTorchFolder.Load(folder));

        Assert.Equal($"RDNAS_LIBTORCH: {folder} has no libtorch_cpu.so, libtorch.so (expected the lib folder of a libtorch 2.10 distribution)", error.Message);
    }

    [Fact]
    public void Load_InABuildThatShipsLibtorch_IsRefusedNamingTheShippedCopy()
    {
        // A distribution's root is accepted for its lib folder; this build's own libtorch_cpu.so would load beside it.
        var root = TestData.TempFolder();
        var lib = Directory.CreateDirectory(Path.Combine(root, "lib")).FullName;
        foreach (var name in new[] { "libc10.so", "libtorch_cpu.so", "libtorch.so" })
        {
            File.WriteAllBytes(Path.Combine(lib, name), []);
        }

        var error = Assert.Throws<InvalidOperationException>(() => LibTorchFolder.Load(root));

        Assert.Equal(
            $"RDNAS_LIBTORCH is set, but this build ships its own libtorch ({LibTorchFolder.ShippedLibTorch()}), which TorchSharp would load as a second copy: " +
            "use a build made with -p:RdNasExternalLibTorch=true (the GPU silo image is), or unset it",
            error.Message);
        Assert.Null(LibTorchFolder.Configured);
    }

    [Fact]
    public void Refusal_AnotherFolderLoadedBefore_RefusesToSwitch()
    {
        var refusal = LibTorchFolder.Refusal("/opt/b/lib", configured: "/opt/a/lib", shipped: null, mapped: ["/opt/a/lib/libc10.so"]);

        Assert.Equal("libtorch is already loaded from /opt/a/lib; cannot switch to /opt/b/lib", refusal);
    }

    [Fact]
    public void Refusal_LibtorchMappedBeforeTheSettingWasRead_NamesWhereFrom()
    {
        var refusal = LibTorchFolder.Refusal("/opt/cuda/lib", configured: null, shipped: null, mapped: ["/usr/lib/torch/libc10.so", "/usr/lib/torch/libtorch_cpu.so"]);

        Assert.Equal("libtorch is already loaded from /usr/lib/torch: RDNAS_LIBTORCH must take effect before the process first uses TorchSharp", refusal);
    }

    [Fact]
    public void Refusal_AShippedCopy_IsNamedBeforeWhatIsMapped()
    {
        var refusal = LibTorchFolder.Refusal("/opt/cuda/lib", configured: null, shipped: "/app/libtorch_cpu.so", mapped: ["/app/libtorch_cpu.so"]);

        Assert.StartsWith("RDNAS_LIBTORCH is set, but this build ships its own libtorch (/app/libtorch_cpu.so)", refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)] // the first load, nothing mapped yet
    [InlineData("/opt/cuda/lib")] // the same folder again (what Load returns without loading anything)
    public void Refusal_NothingInTheWay_IsNull(string? configured)
    {
        Assert.Null(LibTorchFolder.Refusal("/opt/cuda/lib", configured, shipped: null, mapped: configured is null ? [] : ["/opt/cuda/lib/libc10.so"]));
    }
}
