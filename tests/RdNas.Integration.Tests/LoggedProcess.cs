using System.Diagnostics;
using System.Text;

namespace RdNas.Integration.Tests;

/// <summary>A child process whose standard output and error are kept as its log (for failure messages); killed with its children when disposed.</summary>
internal sealed class LoggedProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    public LoggedProcess(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>SIGTERM, then waits for the process to exit; fails the test if it is still running after <paramref name="timeout"/>.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        await ChildProcess.SignalAsync(_process, "TERM");
        if (!await ChildProcess.ExitsWithinAsync(_process, timeout))
        {
            Kill();
            Assert.Fail($"{_process.StartInfo.FileName} did not stop within {timeout.TotalSeconds:F0} s of SIGTERM:\n{Log}");
        }
    }

    /// <summary>SIGKILL to the process and its children; returns when it has exited.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
