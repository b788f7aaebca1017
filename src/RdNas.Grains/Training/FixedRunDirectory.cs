namespace RdNas.Grains.Training;

/// <summary>
/// One folder for every experiment: an embedded silo runs the single experiment of an <c>rdnas train --out DIR</c>
/// in DIR, so a second invocation with the same folder resumes from its checkpoint.
/// </summary>
public sealed class FixedRunDirectory(string directory) : IRunDirectories
{
    /// <inheritdoc />
    public string RunDirectoryOf(string experimentId) => Path.GetFullPath(directory);
}
