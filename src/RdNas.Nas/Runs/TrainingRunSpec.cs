using RdNas.Nas.Data;
using RdNas.Nas.Devices;
using RdNas.Nas.Proxies;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Teachers;
using RdNas.Nas.Training.Methods;

namespace RdNas.Nas.Runs;

/// <summary>Everything a training run needs: the preset (with the run's seed and epochs applied), data and output.</summary>
/// <param name="Preset">The budget, already carrying the run's seed and epoch count.</param>
/// <param name="Data">Where CIFAR-10 and the NB201 table are.</param>
/// <param name="OutputDirectory">Receives result.json, subnets.csv and the checkpoint.</param>
/// <param name="SplitSeed">Seed of the train/valid split; fixed by default so runs share their valid images.</param>
/// <param name="GroundTruthColumn">The NB201 column ranked against.</param>
/// <param name="Method">How the supernet trains (sampler and, for RD-NAS, pairs, teacher, loss, λ).</param>
/// <param name="TeacherCache">Where teacher scores are cached; null for <see cref="DefaultTeacherCache"/>.</param>
/// <param name="Workers">Threads that score the teacher the first time.</param>
/// <param name="TeacherSource">
/// Where teacher scores come from instead of the disk cache (a platform asks its architecture grains); called on the
/// training thread.
/// </param>
/// <param name="Device">
/// Where the supernet trains and is evaluated (null: <c>auto</c>). Not part of the run's identity: a run resumed on
/// another device continues from its checkpoint (bit-identical only on the same device).
/// </param>
public sealed record TrainingRunSpec(
    TrainingPreset Preset,
    DataDirectory Data,
    string OutputDirectory,
    long SplitSeed = 0,
    string GroundTruthColumn = TrainingRunSpec.DefaultGroundTruth,
    TrainingMethodSpec? Method = null,
    string? TeacherCache = null,
    int Workers = 2,
    Func<ProxyColumn, Nb201SearchSpace, CancellationToken, TeacherScores>? TeacherSource = null,
    ComputeDevice? Device = null)
{
    /// <summary>The NB201 column runs rank against unless told otherwise: the RD-NAS protocol's.</summary>
    public const string DefaultGroundTruth = "cifar10_valid";

    /// <summary>The device setting, <c>auto</c> when none is given.</summary>
    public ComputeDevice TrainingDevice => Device ?? ComputeDevice.Auto;

    /// <summary>
    /// The teacher cache when none is given: <c>$RDNAS_CACHE/teachers</c>, else <c>~/.cache/rdnas/teachers</c> (never the
    /// data folder, which may be read-only).
    /// </summary>
    public static string DefaultTeacherCache =>
        Path.Combine(Environment.GetEnvironmentVariable("RDNAS_CACHE") is { Length: > 0 } cache
            ? cache
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "rdnas"), "teachers");

    /// <summary>The training method, SPOS when none is given.</summary>
    public TrainingMethodSpec TrainingMethod => Method ?? new TrainingMethodSpec();

    /// <summary>The name of the checkpoint folder inside a run's output folder.</summary>
    public const string CheckpointFolder = "checkpoint";

    /// <summary>The checkpoint folder inside the output folder.</summary>
    public string CheckpointDirectory => Path.Combine(OutputDirectory, CheckpointFolder);

    /// <summary>
    /// The name of the folder inside a run's output folder where a search with the run's supernet keeps its journal,
    /// search.json and search_trace.csv (an experiment's search after its evaluation).
    /// </summary>
    public const string SearchFolder = "search";

    /// <summary>The search folder inside the output folder.</summary>
    public string SearchDirectory => Path.Combine(OutputDirectory, SearchFolder);
}
