namespace RdNas.Integration.Tests;

/// <summary>
/// The libtorch thread count of every process these tests start: one. xunit runs two test classes here at a time and
/// each starts a CLI or silos that train; at libtorch's default of a thread per core, the 2-core CI machine ran four or
/// more compute threads on its two cores (the assembly took 6.2–6.5 minutes that way, 5.0 with one thread a process).
/// </summary>
internal static class OneLibTorchThread
{
    public const string Variable = "OMP_NUM_THREADS";

    public const string Value = "1";
}
