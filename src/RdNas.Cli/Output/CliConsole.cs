using System.Text.Json;
using System.Text.Json.Serialization;
using RdNas.Nas.Runs;
using Spectre.Console;

namespace RdNas.Cli.Output;

/// <summary>
/// The one way commands write: Spectre markup, tables and progress for people; plain JSON for scripts; errors to
/// standard error. Tests give it consoles that write to strings.
/// </summary>
public sealed class CliConsole(IAnsiConsole output, TextWriter error)
{
    // Enums (an experiment's phase) as words, so scripts need not know their numbering.
    private static readonly JsonSerializerOptions s_json = new(TrainingRunWriter.JsonOptions)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    // Progress lines: one line each, absent values left out.
    private static readonly JsonSerializerOptions s_jsonLine = new(s_json)
    {
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// The width of tables written to a file or pipe: those are read later in editors and logs, where Spectre's
    /// 80-column fallback would wrap run names and cut column headers.
    /// </summary>
    public const int RedirectedWidth = 200;

    /// <summary>The console for tables and progress.</summary>
    public IAnsiConsole Ansi { get; } = output;

    /// <summary>Writes a line of plain text, unwrapped, so scripts can read it.</summary>
    public void Line(string text) => Ansi.Profile.Out.Writer.WriteLine(text);

    /// <summary>Writes an object as JSON with the conventions of the result files.</summary>
    public void Json<T>(T value) => Ansi.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, s_json));

    /// <summary>
    /// Writes an object as one JSON line to standard error: progress for scripts, which read the result from standard
    /// output.
    /// </summary>
    public void ProgressJson<T>(T value) => error.WriteLine(JsonSerializer.Serialize(value, s_jsonLine));

    /// <summary>Writes an error line to standard error.</summary>
    public void Error(string message) => error.WriteLine($"rdnas: {message}");

    /// <summary>Writes a warning line to standard error (standard output stays a table or JSON).</summary>
    public void Warning(string message) => error.WriteLine($"rdnas: warning: {message}");

    /// <summary>The real console: Spectre's standard output and the process's standard error.</summary>
    public static CliConsole CreateDefault()
    {
        var console = AnsiConsole.Console;
        if (System.Console.IsOutputRedirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return new CliConsole(console, System.Console.Error);
    }
}
