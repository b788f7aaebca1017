namespace RdNas.Grains.Training;

/// <summary>Where on this silo's disk an experiment's worker keeps its run folder.</summary>
public interface IRunDirectories
{
    /// <summary>The run folder of <paramref name="experimentId"/>.</summary>
    string RunDirectoryOf(string experimentId);
}
