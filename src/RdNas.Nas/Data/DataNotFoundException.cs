namespace RdNas.Nas.Data;

/// <summary>A data file or folder the run needs is absent; the message names it and where to get it.</summary>
public sealed class DataNotFoundException(string message) : Exception(message);
