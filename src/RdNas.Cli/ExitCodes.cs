namespace RdNas.Cli;

/// <summary>The process exit codes of <c>rdnas</c>.</summary>
public static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The command ran and failed.</summary>
    public const int Failure = 1;

    /// <summary>An argument or input was invalid; the message says which.</summary>
    public const int InvalidInput = 2;

    /// <summary>A data file the command needs is missing; the message names it.</summary>
    public const int DataMissing = 3;

    /// <summary>Cancelled by the user (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
