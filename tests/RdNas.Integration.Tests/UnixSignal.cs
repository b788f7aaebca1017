using System.Diagnostics;
using System.Globalization;

namespace RdNas.Integration.Tests;

/// <summary>Signals a child process by name (TERM, INT), as <c>kill</c> does: .NET itself can only send SIGKILL.</summary>
internal static class UnixSignal
{
    public static async Task SendAsync(Process process, string signal)
    {
        ArgumentNullException.ThrowIfNull(process);
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, kill.ExitCode);
    }
}
