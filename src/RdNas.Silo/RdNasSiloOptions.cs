namespace RdNas.Silo;

/// <summary>
/// How a silo joins a cluster, from the <c>RdNas:Silo</c> configuration section (environment: <c>RdNas__Silo__Role=gpu</c>,
/// command line: <c>--RdNas:Silo:Role=gpu</c>).
/// </summary>
public sealed class RdNasSiloOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "RdNas:Silo";

    /// <summary>The silo's name in logs and experiment status.</summary>
    public string Name { get; set; } = $"silo-{Environment.ProcessId}";

    /// <summary><c>cpu</c> or <c>gpu</c>: a gpu silo declares an accelerator, so training workers are placed on it.</summary>
    public string Role { get; set; } = "cpu";

    /// <summary>What a gpu silo declares (<c>rdnas.accelerator</c>); <c>cuda</c> unless set.</summary>
    public string Accelerator { get; set; } = "cuda";

    /// <summary>
    /// How many experiments this silo trains at once when it may train (<c>rdnas.training-slots</c>): 1 unless set, so a
    /// GPU is not shared; more where a GPU has room for several runs (a small supernet leaves most of an H200 idle).
    /// Further experiments wait in the order they were submitted.
    /// </summary>
    public int TrainingSlots { get; set; } = 1;

    /// <summary><c>localhost</c> (one machine, the first silo is the primary) or <c>azure-table</c> (membership in Azure Table storage).</summary>
    public string Clustering { get; set; } = "localhost";

    /// <summary>
    /// The Azure Storage account of grain state and reminders (Table), checkpoints (Blob) and, with <c>azure-table</c>
    /// clustering, membership; Azurite on this machine by default. (Only the embedded one-silo cluster keeps its
    /// state in memory.)
    /// </summary>
    public string StorageConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>The cluster's id: silos and clients with the same id form one cluster.</summary>
    public string ClusterId { get; set; } = "rdnas";

    /// <summary>The service's id: keys the stored grain state, so it survives cluster redeployments.</summary>
    public string ServiceId { get; set; } = "rdnas";

    /// <summary>
    /// Azure Table clustering: the IP address the silo listens on and advertises (<c>127.0.0.1</c> for a cluster on one
    /// machine); null for the host's own address.
    /// </summary>
    public string? Address { get; set; }

    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Localhost clustering: the silo port of the primary silo.</summary>
    public int PrimarySiloPort { get; set; } = 11111;

    /// <summary>
    /// The port of the Prometheus scraping endpoint (<c>/metrics</c>; 9464 is OpenTelemetry's Prometheus port). It
    /// listens on <see cref="Address"/> when set, on 127.0.0.1 with localhost clustering, else on every address.
    /// </summary>
    public int MetricsPort { get; set; } = 9464;

    /// <summary>The URL Kestrel serves the metrics endpoint on.</summary>
    public string MetricsUrl
    {
        get
        {
            var host = Address ?? (Clustering.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? "127.0.0.1" : "0.0.0.0");
            return $"http://{host}:{MetricsPort}";
        }
    }

    /// <summary>Whether the silo declares an accelerator.</summary>
    public bool IsGpu => Role.Equals("gpu", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks the settings; the error names the setting and what is allowed.</summary>
    public void Validate()
    {
        Require(nameof(Role), Role, "cpu", "gpu");
        Require(nameof(Clustering), Clustering, "localhost", "azure-table");
        if (Address is not null && !System.Net.IPAddress.TryParse(Address, out _))
        {
            throw new ArgumentException($"{Section}:{nameof(Address)}: '{Address}' is not an IP address");
        }

        if (TrainingSlots is < 1 or > Grains.Placement.TrainingSlotsMetadata.Max)
        {
            throw new ArgumentException($"{Section}:{nameof(TrainingSlots)}: {TrainingSlots} is not a slot count (1-{Grains.Placement.TrainingSlotsMetadata.Max})");
        }

        if (MetricsPort is < 1 or > 65535)
        {
            throw new ArgumentException($"{Section}:{nameof(MetricsPort)}: {MetricsPort} is not a TCP port (1-65535)");
        }

        if (string.IsNullOrWhiteSpace(StorageConnectionString))
        {
            throw new ArgumentException($"{Section}:{nameof(StorageConnectionString)} must name an Azure Storage account (Azurite: UseDevelopmentStorage=true)");
        }
    }

    private static void Require(string name, string value, params string[] allowed)
    {
        if (!allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{Section}:{name}: unknown value '{value}' (expected {string.Join(" or ", allowed)})");
        }
    }
}
