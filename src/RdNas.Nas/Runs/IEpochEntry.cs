namespace RdNas.Nas.Runs;

/// <summary>An entry a run journals once per epoch it concerns (<see cref="EpochJournal{T}"/>).</summary>
public interface IEpochEntry
{
    /// <summary>Finished epochs when the entry was made (1-based).</summary>
    int Epoch { get; }
}
