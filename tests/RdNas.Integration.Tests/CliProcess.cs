using System.Diagnostics;

namespace RdNas.Integration.Tests;

/// <summary>The <c>rdnas</c> CLI as a child process, as a user runs it.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _command;
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    private CliProcess(Process process, string command)
    {
        _process = process;
        _command = command;
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Runs <c>rdnas ARGS</c> to its end; fails the test if it takes longer than <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var cli = Start(args);
        return await cli.FinishAsync(timeout);
    }

    /// <summary>Starts <c>rdnas ARGS</c> with the real data folder.</summary>
    public static CliProcess Start(params string[] args) =>
        StartProgram(Path.Combine(AppContext.BaseDirectory, "rdnas"), new Dictionary<string, string?>(), args);

    /// <summary>
    /// Starts <paramref name="program"/> with the real data folder and <paramref name="environment"/> on top (a null
    /// value removes the variable).
    /// </summary>
    public static CliProcess StartProgram(string program, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["RDNAS_DATA"] = RdNas.Tests.Shared.RealDataFolder.Find() ?? string.Empty;
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var command = $"{Path.GetFileName(program)} {string.Join(' ', args)}";
        return new CliProcess(Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}"), command);
    }

    /// <summary>Sends the process a signal by name (TERM, INT).</summary>
    public Task SignalAsync(string signal) => ChildProcess.SignalAsync(_process, signal);

    /// <summary>Waits for the process to end; kills it and fails the test if that takes longer than <paramref name="timeout"/>.</summary>
    public async Task<(int ExitCode, string Output, string Error)> FinishAsync(TimeSpan timeout)
    {
        if (!await ChildProcess.ExitsWithinAsync(_process, timeout))
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"{_command} did not finish within {timeout.TotalSeconds:F0} s; stderr: {await _error}");
        }

        return (_process.ExitCode, await _output, await _error);
    }

    public void Dispose() => _process.Dispose();
}
