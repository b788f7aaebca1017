using System.Diagnostics;
using RdNas.Abstractions.Experiments;

namespace RdNas.Grains.Telemetry;

/// <summary>
/// The metrics of one training run on this silo, from its worker's start to its end. Counters and histograms carry
/// only the run's configuration (sampler, preset) and the device it trains on (cpu, cuda:N), bounded sets; the run's
/// live state (latest epoch's loss and accuracy, epochs completed) is reported under its experiment id only while it
/// runs here, so a silo's series stay as many as the runs it trains at once. Nothing is reported before the run has
/// resolved its device (<see cref="TrainsOn"/>), so a run's series never change labels. Disposing it ends the live series.
/// </summary>
public sealed class RunMetrics : IDisposable
{
    private readonly RdNasMetrics _metrics;
    private readonly string _experimentId;
    private readonly ExperimentSpec _spec;
    private LiveState _live;
    private Tags? _tags;

    internal RunMetrics(RdNasMetrics metrics, string experimentId, ExperimentSpec spec)
    {
        _metrics = metrics;
        _experimentId = experimentId;
        _spec = spec;
        _live = new LiveState(double.NaN, double.NaN, 0);
    }

    /// <summary>Tags of the run's counters and histograms: sampler, preset and device.</summary>
    internal TagList Configuration => RequireTags().Configuration;

    /// <summary>Tags of the run's live gauges: experiment id, sampler, preset and device; null before the device is known.</summary>
    internal TagList? Live => Volatile.Read(ref _tags)?.Live;

    /// <summary>The run resolved its device setting to <paramref name="device"/> (cpu, cuda:N); its series carry it from now on.</summary>
    public void TrainsOn(string device)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(device);
        var configuration = new TagList { { "sampler", _spec.Sampler }, { "preset", _spec.Preset }, { "device", device } };
        var live = configuration; // a copy (TagList is a struct): the configuration plus the experiment id
        live.Add("experiment", _experimentId);
        Volatile.Write(ref _tags, new Tags(configuration, live));
    }

    /// <summary>The latest finished epoch's loss and accuracy and the number of epochs finished (read by the gauges).</summary>
    internal LiveState State => Volatile.Read(ref _live);

    /// <summary>The run resumed from a checkpoint of <paramref name="completedEpochs"/> epochs.</summary>
    public void Resumed(int completedEpochs) => Volatile.Write(ref _live, _live with { CompletedEpochs = completedEpochs });

    /// <summary>A training step finished.</summary>
    public void StepDone() => _metrics.StepDone(this);

    /// <summary>An epoch finished with this mean loss and accuracy after <paramref name="duration"/>.</summary>
    public void EpochDone(int completedEpochs, double loss, double accuracy, TimeSpan duration)
    {
        Volatile.Write(ref _live, new LiveState(loss, accuracy, completedEpochs));
        _metrics.EpochDone(this, duration);
    }

    /// <summary>A checkpoint reached durable storage after <paramref name="duration"/>.</summary>
    public void CheckpointSaved(TimeSpan duration) => _metrics.CheckpointSaved(this, duration);

    /// <summary>The final evaluation scored one more subnet.</summary>
    public void SubnetEvaluated() => _metrics.SubnetEvaluated(this);

    /// <summary>The search after the evaluation went through one more cell.</summary>
    public void CellSearched() => _metrics.CellSearched(this);

    /// <summary>The run completed with this Kendall τ.</summary>
    public void RankingMeasured(double kendallTau) => _metrics.RankingMeasured(this, kendallTau);

    /// <summary>Ends the run's live series.</summary>
    public void Dispose() => _metrics.RunEnded(this);

    /// <summary>What the live gauges report.</summary>
    internal sealed record LiveState(double Loss, double Accuracy, int CompletedEpochs);

    // Every run measurement follows the device's resolution on the training thread (it comes before the first step).
    private Tags RequireTags() =>
        Volatile.Read(ref _tags) ?? throw new InvalidOperationException($"experiment {_experimentId}: a run measurement before the run resolved its device");

    private sealed record Tags(TagList Configuration, TagList Live);
}
