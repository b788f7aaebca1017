using System.Runtime.InteropServices;

namespace RdNas.Nas.NativeMemory;

/// <summary>
/// Tunes glibc's allocator, which libtorch's CPU tensors come from, for training loops: freed memory stays in the
/// process instead of going back to the kernel at once. By default glibc serves multi-megabyte activations with fresh
/// mmaps and trims its heap as soon as a step's tensors die, so every step faults the same pages in again (tens of
/// thousands of page faults a step; see bench/RESULTS.md). Keeping the memory makes resident size settle at the
/// peak of one step, which is flat over a run. A host (the CLI, a silo) calls this once at start; it is a
/// process-wide choice, so the library never makes it on its own.
/// </summary>
public static partial class GlibcHeap
{
    private const int TrimThreshold = -1; // M_TRIM_THRESHOLD
    private const int TopPad = -2;        // M_TOP_PAD
    private const int MmapThreshold = -3; // M_MMAP_THRESHOLD

    // glibc's ceiling for the mmap threshold on 64-bit (DEFAULT_MMAP_THRESHOLD_MAX): allocations below it come from
    // the heap, where freed chunks are reused without a fault.
    private const int MaxMmapThreshold = 32 * 1024 * 1024;

    /// <summary>
    /// Serves allocations up to 32 MiB from the heap and stops trimming it. Returns false where the C library is not
    /// glibc (nothing changed).
    /// </summary>
    public static bool RetainFreedMemory()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return Mallopt(MmapThreshold, MaxMmapThreshold) == 1
                && Mallopt(TrimThreshold, int.MaxValue) == 1
                && Mallopt(TopPad, 64 * 1024 * 1024) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            return false; // musl and other C libraries have no mallopt
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);
}
