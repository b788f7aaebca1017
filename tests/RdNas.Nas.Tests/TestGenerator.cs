using static TorchSharp.torch;

namespace RdNas.Nas.Tests;

/// <summary>
/// A seeded libtorch generator of the test's own: tests run in parallel, and a draw from libtorch's process-wide
/// generator in one test would shift the weights another test's network is initialised with.
/// </summary>
internal static class TestGenerator
{
    public static Generator Create(ulong seed = 0) => new(seed, CPU);
}
