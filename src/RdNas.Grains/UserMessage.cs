namespace RdNas.Grains;

/// <summary>The message of an error as a user should read it, for errors that cross a grain call.</summary>
internal static class UserMessage
{
    // ArgumentException appends " (Parameter 'x')", which names a C# parameter the caller never saw.
    public static string Of(Exception e) =>
        e is ArgumentException { ParamName: { } name } ? e.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : e.Message;
}
