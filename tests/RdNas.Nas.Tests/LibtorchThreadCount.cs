namespace RdNas.Nas.Tests;

/// <summary>
/// Tests that change libtorch's thread count (parallel proxy scoring runs its workers on one thread each, and
/// libtorch keeps the count process-wide for threads it has not seen yet) and tests that compare two training runs
/// bit for bit (which needs the same thread count in both) run one after the other, never beside each other.
/// </summary>
[CollectionDefinition(nameof(LibtorchThreadCount))]
public sealed class LibtorchThreadCount;
