using System.CommandLine;
using RdNas.Cli.Output;
using RdNas.Nas;
using RdNas.Nas.Data;

namespace RdNas.Cli.Commands;

/// <summary>
/// A verb of the CLI: hooks System.CommandLine's action to <see cref="ExecuteAsync"/> and maps the project's
/// exceptions to exit codes with one clear message, so every command reports bad input the same way.
/// </summary>
internal abstract class CliCommand : Command
{
    protected CliCommand(string name, string description, CliConsole console)
        : base(name, description)
    {
        Console = console;
        SetAction(InvokeAsync);
    }

    protected CliConsole Console { get; }

    protected abstract Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken);

    private async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        try
        {
            return await ExecuteAsync(parseResult, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Console.Error("cancelled");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is RdNas.Client.ClusterUnreachableException or RdNas.Nas.Devices.DeviceUnavailableException or RdNas.Nas.Proxies.ProxyScoreException)
        {
            Console.Error(e.Message);
            return ExitCodes.Failure;
        }
        catch (DataNotFoundException e)
        {
            Console.Error(e.Message);
            return ExitCodes.DataMissing;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidDataException or FileNotFoundException)
        {
            Console.Error(WithoutParameterSuffix(e));
            return ExitCodes.InvalidInput;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A disk that filled up or a folder taken away mid-run: the system's one-line reason, not a stack trace.
            Console.Error(e.Message);
            return ExitCodes.Failure;
        }
    }

    // ArgumentException appends " (Parameter 'x')", which names a C# parameter the user never saw, and an out-of-range
    // argument a second line "Actual value was V.": one line, with the value given.
    private static string WithoutParameterSuffix(Exception e) => e switch
    {
        ArgumentOutOfRangeException { ParamName: not null, ActualValue: { } value } range =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{FirstLine(UserMessage.Of(range))} (got {value})"),
        _ => UserMessage.Of(e),
    };

    private static string FirstLine(string text) => text.Split('\n')[0].TrimEnd('\r');
}
