using RdNas.Cli.Output;
using Spectre.Console;

namespace RdNas.Cli.Tests;

/// <summary>Builds the real command tree with consoles that write to strings, runs one command line.</summary>
internal sealed class CliRunner : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public string Output => _output.ToString();

    /// <summary>The real data folder from RDNAS_DATA; a failure saying how to set it when it is unset.</summary>
    public static string RealDataFolder()
    {
        var data = RdNas.Tests.Shared.RealDataFolder.Find();
        Assert.False(string.IsNullOrWhiteSpace(data), "this test reads the real data: set RDNAS_DATA to the shared data folder (CI uses ../shared/data)");
        return data!;
    }

    public string Error => _error.ToString();

    public async Task<int> RunAsync(params string[] args)
    {
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(_output),
        });
        ansi.Profile.Width = CliConsole.RedirectedWidth; // what the CLI does when its output goes to a file

        var root = RdNasCommandLine.Create(new CliConsole(ansi, _error));
        return await root.Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
    }
}
