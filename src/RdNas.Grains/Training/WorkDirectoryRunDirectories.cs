using Microsoft.Extensions.Options;
using RdNas.Grains.Hosting;

namespace RdNas.Grains.Training;

/// <summary>Run folders under the silo's work folder: <c>WORK/experiments/ID</c>.</summary>
public sealed class WorkDirectoryRunDirectories(IOptions<RdNasPlatformOptions> options) : IRunDirectories
{
    /// <inheritdoc />
    public string RunDirectoryOf(string experimentId) => Path.Combine(Path.GetFullPath(options.Value.WorkDirectory), "experiments", experimentId);
}
