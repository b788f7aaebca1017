using System.Diagnostics;
using System.Globalization;

namespace RdNas.Integration.Tests;

/// <summary>What the tests do to the child processes they start, beyond what <see cref="Process"/> offers.</summary>
internal static class ChildProcess
{
    /// <summary>Signals <paramref name="process"/> by name (TERM, INT), as <c>kill</c> does: .NET itself can only send SIGKILL.</summary>
    public static async Task SignalAsync(Process process, string signal)
    {
        ArgumentNullException.ThrowIfNull(process);
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Waits for <paramref name="process"/> to exit; false if it is still running after <paramref name="timeout"/>
    /// (or when the test run is cancelled first).</summary>
    public static async Task<bool> ExitsWithinAsync(Process process, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(process);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
