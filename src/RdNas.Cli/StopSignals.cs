using System.Runtime.InteropServices;

namespace RdNas.Cli;

/// <summary>
/// Ctrl-C and SIGTERM ask the running command to stop: the first one cancels <see cref="Token"/>, and the command stops
/// where nothing is lost (a training run keeps its last epoch's checkpoint and resumes from it when run again). A
/// second signal is left to its default action and ends the process at once.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly Action<string> _tell;

    public StopSignals(Action<string> tell)
    {
        _tell = tell;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    /// <summary>Cancelled by the first stop signal.</summary>
    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_stop.IsCancellationRequested)
        {
            return; // the second signal: not cancelled, so it ends the process
        }

        context.Cancel = true;
        _tell($"{context.Signal}: stopping; a second one stops at once");
        _stop.Cancel();
    }
}
