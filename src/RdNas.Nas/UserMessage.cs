namespace RdNas.Nas;

/// <summary>The message of an error as a user should read it: at the command line, in an experiment's status, or inside another error's message.</summary>
public static class UserMessage
{
    // ArgumentException appends " (Parameter 'x')", which names a C# parameter the user never saw.
    public static string Of(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e is ArgumentException { ParamName: { } name } ? e.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : e.Message;
    }
}
