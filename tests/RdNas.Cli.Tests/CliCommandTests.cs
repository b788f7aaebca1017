using System.CommandLine;
using RdNas.Cli.Commands;
using RdNas.Cli.Output;
using RdNas.Nas.Proxies;
using Spectre.Console;

namespace RdNas.Cli.Tests;

public sealed class CliCommandTests
{
    [Fact]
    public async Task Invoke_ProxyScoresNotANumber_FailsWithOneLineNamingTheProxyAndTheArchitecture()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }), error);
        var root = new RootCommand { new FailingCommand(console, new ProxyScoreException("zen", "1252233313", double.NaN)) };

        var code = await root.Parse(["fail"]).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Failure, code);
        Assert.Equal("rdnas: proxy zen scored 1252233313 as NaN: not a finite number", error.ToString().Trim());
    }

    // A verb whose work fails with the given exception, to see what the user is told.
    private sealed class FailingCommand(CliConsole console, Exception failure) : CliCommand("fail", "fails", console)
    {
        protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken) => Task.FromException<int>(failure);
    }
}
