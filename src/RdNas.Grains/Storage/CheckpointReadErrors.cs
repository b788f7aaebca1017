namespace RdNas.Grains.Storage;

/// <summary>The errors a read of a stored checkpoint archive gives, worded alike by every store.</summary>
internal static class CheckpointReadErrors
{
    public static InvalidOperationException Changed(string experimentId, Exception? cause = null) =>
        new($"the stored checkpoint of experiment '{experimentId}' changed while it was being read; read it again from the start", cause);

    public static InvalidOperationException PastEnd(string experimentId, long offset, Exception? cause = null) =>
        new($"offset {offset} lies past the end of experiment '{experimentId}''s stored checkpoint", cause);
}
