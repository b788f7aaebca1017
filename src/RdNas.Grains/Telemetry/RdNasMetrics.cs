using System.Diagnostics;
using System.Diagnostics.Metrics;
using RdNas.Abstractions.Experiments;

namespace RdNas.Grains.Telemetry;

/// <summary>
/// The platform's metrics (meter <see cref="MeterName"/>): experiments submitted and finished, training steps and
/// epochs with their loss, accuracy and duration, checkpoints, evaluation and the final Kendall τ per experiment,
/// architecture queries and proxy computations. The silo host exports them to Prometheus; the Grafana dashboard in
/// <c>grafana/dashboards</c> reads them. Training instruments carry the experiment id, sampler and preset.
/// </summary>
public sealed class RdNasMetrics
{
    /// <summary>The meter every instrument belongs to.</summary>
    public const string MeterName = "RdNas";

    // Seconds, from a proxy on one cell (tens of milliseconds) to an epoch of the paper preset (minutes).
    private static readonly InstrumentAdvice<double> s_seconds = new()
    {
        HistogramBucketBoundaries = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000],
    };

    private readonly Counter<long> _submitted;
    private readonly Counter<long> _finished;
    private readonly Counter<long> _workerStarts;
    private readonly Counter<long> _steps;
    private readonly Counter<long> _epochs;
    private readonly Histogram<double> _epochDuration;
    private readonly Gauge<double> _loss;
    private readonly Gauge<double> _accuracy;
    private readonly Histogram<double> _checkpointDuration;
    private readonly Counter<long> _subnetsEvaluated;
    private readonly Gauge<double> _kendallTau;
    private readonly Counter<long> _architectureQueries;
    private readonly Histogram<double> _proxyDuration;

    /// <summary>Creates the instruments on a meter of <paramref name="meters"/>.</summary>
    public RdNasMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _submitted = meter.CreateCounter<long>("rdnas.experiments.submitted", "{experiment}", "Experiments accepted, by sampler and preset");
        _finished = meter.CreateCounter<long>("rdnas.experiments.finished", "{experiment}", "Experiments that stopped for good, by outcome (completed, failed, cancelled)");
        _workerStarts = meter.CreateCounter<long>("rdnas.training.worker.starts", "{start}", "Training workers started; resumed=true when one restarts a run from its checkpoint");
        _steps = meter.CreateCounter<long>("rdnas.training.steps", "{step}", "Supernet training steps done");
        _epochs = meter.CreateCounter<long>("rdnas.training.epochs", "{epoch}", "Training epochs finished");
        _epochDuration = meter.CreateHistogram<double>("rdnas.training.epoch.duration", "s", "Wall time of a training epoch (its training curve's seconds)", tags: null, advice: s_seconds);
        _loss = meter.CreateGauge<double>("rdnas.training.loss", null, "Mean training loss of the latest finished epoch");
        _accuracy = meter.CreateGauge<double>("rdnas.training.accuracy", null, "Mean training accuracy of the latest finished epoch, in [0, 1]");
        _checkpointDuration = meter.CreateHistogram<double>("rdnas.checkpoint.save.duration", "s", "Time to copy an epoch's checkpoint to durable storage", tags: null, advice: s_seconds);
        _subnetsEvaluated = meter.CreateCounter<long>("rdnas.evaluation.subnets", "{subnet}", "Subnets scored by the final evaluation");
        _kendallTau = meter.CreateGauge<double>("rdnas.ranking.kendall_tau", null, "Kendall tau of a completed experiment's ranking against the benchmark");
        _architectureQueries = meter.CreateCounter<long>("rdnas.architecture.queries", "{query}", "Architecture grain calls, by kind");
        _proxyDuration = meter.CreateHistogram<double>("rdnas.proxy.duration", "s", "Time to compute one zero-cost proxy score, by proxy", tags: null, advice: s_seconds);
    }

    /// <summary>An experiment was accepted.</summary>
    public void ExperimentSubmitted(ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _submitted.Add(1, new TagList { { "sampler", spec.Sampler }, { "preset", spec.Preset } });
    }

    /// <summary>An experiment stopped for good in <paramref name="phase"/>.</summary>
    public void ExperimentFinished(ExperimentPhase phase) =>
        _finished.Add(1, new KeyValuePair<string, object?>("outcome", phase.ToString().ToLowerInvariant()));

    /// <summary>A training worker was started, from a checkpoint when <paramref name="resumed"/>.</summary>
    public void WorkerStarted(bool resumed) => _workerStarts.Add(1, new KeyValuePair<string, object?>("resumed", resumed ? "true" : "false"));

    /// <summary>A training step of <paramref name="run"/> finished.</summary>
    public void StepDone(in RunTags run) => _steps.Add(1, run.Tags);

    /// <summary>An epoch of <paramref name="run"/> finished with this mean loss and accuracy.</summary>
    public void EpochDone(in RunTags run, double loss, double accuracy, TimeSpan duration)
    {
        _epochs.Add(1, run.Tags);
        _epochDuration.Record(duration.TotalSeconds, run.Tags);
        _loss.Record(loss, run.Tags);
        _accuracy.Record(accuracy, run.Tags);
    }

    /// <summary>A checkpoint of <paramref name="run"/> reached durable storage.</summary>
    public void CheckpointSaved(in RunTags run, TimeSpan duration) => _checkpointDuration.Record(duration.TotalSeconds, run.Tags);

    /// <summary>The final evaluation of <paramref name="run"/> scored one more subnet.</summary>
    public void SubnetEvaluated(in RunTags run) => _subnetsEvaluated.Add(1, run.Tags);

    /// <summary><paramref name="run"/> completed with this Kendall τ.</summary>
    public void RankingMeasured(in RunTags run, double kendallTau) => _kendallTau.Record(kendallTau, run.Tags);

    /// <summary>An architecture grain answered a call of <paramref name="kind"/> (ground_truth, proxy_score, ...).</summary>
    public void ArchitectureQueried(string kind) => _architectureQueries.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>A proxy score was computed (not read from state).</summary>
    public void ProxyComputed(string proxy, TimeSpan duration) => _proxyDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("proxy", proxy));
}
