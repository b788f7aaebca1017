using RdNas.Nas;

namespace RdNas.Grains.Hosting;

/// <summary>A silo's platform settings, bound from the <c>RdNas</c> configuration section (environment: <c>RdNas__Name</c>).</summary>
public sealed class RdNasPlatformOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "RdNas";

    /// <summary>The data folder (CIFAR-10 and the NB201 table); null for <c>RDNAS_DATA</c>.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Local scratch space for running experiments (the durable copy of a checkpoint is in the checkpoint store).</summary>
    public string WorkDirectory { get; set; } = Path.Combine(Path.GetTempPath(), "rdnas-silo");

    /// <summary>Whether silos without an accelerator may train when the cluster has no silo with one.</summary>
    public bool AllowCpuTraining { get; set; }

    /// <summary>The largest batch a silo accepts: bigger ones are refused at submission rather than failing mid-run.</summary>
    public int MaxBatchSize { get; set; } = 1024;

    /// <summary>How often a running experiment checks that its worker is alive (and a queued one looks for a silo).</summary>
    public TimeSpan WatchdogInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A folder of teacher scores: when set, workers read and write teachers there (the NAS library's disk cache)
    /// instead of asking architecture grains. An embedded silo's grain state ends with its process; the folder stays.
    /// </summary>
    public string? TeacherCache { get; set; }

    /// <summary>How many architecture grains a worker asks at once while it gathers teacher scores.</summary>
    public int TeacherConcurrency { get; set; } = 64;

    /// <summary>
    /// The input side of ResNet48's network-based proxies (a multiple of 32): 224 is the competition's; 64 ranks the
    /// stand-alone architectures as 224 does for Zen at a tenth of the cost (bench/RESULTS.md §4).
    /// </summary>
    public int ResNet48ProxySide { get; set; } = 224;

    /// <summary>
    /// Where this silo's training workers train and score supernets: <c>auto</c> (a CUDA device when the process has
    /// one, else the CPU), <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>. A GPU silo gets CUDA from a CUDA build of libtorch
    /// named by <c>RDNAS_LIBTORCH</c>.
    /// </summary>
    public string TrainingDevice { get; set; } = "auto";

    /// <summary>Checks the settings; the error names the setting.</summary>
    public void Validate()
    {
        try
        {
            Nas.Devices.ComputeDevice.Parse(TrainingDevice ?? "");
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"{Section}:{nameof(TrainingDevice)}: {UserMessage.Of(e)}", e);
        }

        if (string.IsNullOrWhiteSpace(WorkDirectory))
        {
            throw new ArgumentException($"{Section}:{nameof(WorkDirectory)} must name a folder");
        }

        if (MaxBatchSize < 1)
        {
            throw new ArgumentException($"{Section}:{nameof(MaxBatchSize)} must be at least 1, got {MaxBatchSize}");
        }

        if (WatchdogInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{Section}:{nameof(WatchdogInterval)} must be positive, got {WatchdogInterval}");
        }

        if (ResNet48ProxySide < 32 || ResNet48ProxySide % 32 != 0)
        {
            throw new ArgumentException($"{Section}:{nameof(ResNet48ProxySide)} must be a positive multiple of 32, got {ResNet48ProxySide}");
        }

        if (TeacherConcurrency < 1)
        {
            throw new ArgumentException($"{Section}:{nameof(TeacherConcurrency)} must be at least 1, got {TeacherConcurrency}");
        }
    }
}
