using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using RdNas.Abstractions.Experiments;

namespace RdNas.Grains.Telemetry;

/// <summary>
/// The platform's metrics (meter <see cref="MeterName"/>): experiments submitted, waiting for a training slot and
/// finished, the runs training on each silo, training steps and
/// epochs with their duration, the running experiments' loss and accuracy, checkpoints, evaluation and completed
/// runs' Kendall τ, architecture queries and proxy computations. The silo host exports them to Prometheus; the Grafana dashboard in
/// <c>grafana/dashboards</c> reads them. Tags take bounded sets of values: training counters and histograms carry the
/// sampler, preset and device, and only the live gauges of the runs training on this silo carry an experiment id
/// (<see cref="RunMetrics"/>).
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

    // Kendall τ in [−1, 1]; a ranking no better than chance falls in the first bucket. No negative bounds: Prometheus
    // drops an OpenMetrics histogram that has them (its sum would no longer be a counter).
    private static readonly InstrumentAdvice<double> s_kendallTau = new()
    {
        HistogramBucketBoundaries = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
    };

    private readonly ConcurrentDictionary<RunMetrics, bool> _running = new();

    private readonly Counter<long> _submitted;
    private readonly Counter<long> _finished;
    private readonly Counter<long> _workerStarts;
    private readonly UpDownCounter<long> _waitingForSlot;
    private readonly Counter<long> _steps;
    private readonly Counter<long> _epochs;
    private readonly Histogram<double> _epochDuration;
    private readonly Histogram<double> _checkpointDuration;
    private readonly Counter<long> _subnetsEvaluated;
    private readonly Counter<long> _searchCells;
    private readonly Histogram<double> _kendallTau;
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
        _waitingForSlot = meter.CreateUpDownCounter<long>("rdnas.experiments.waiting", "{experiment}", "Experiments waiting for a training slot (counted on the silo of each experiment's grain)");
        _waitingForSlot.Add(0); // exported from the start: none waiting is a reading too
        meter.CreateObservableGauge("rdnas.training.runs", () => (long)_running.Count, "{run}", "Experiments training (or scoring, or searching) on this silo now");
        _steps = meter.CreateCounter<long>("rdnas.training.steps", "{step}", "Supernet training steps done");
        _epochs = meter.CreateCounter<long>("rdnas.training.epochs", "{epoch}", "Training epochs finished");
        _epochDuration = meter.CreateHistogram<double>("rdnas.training.epoch.duration", "s", "Wall time of a training epoch (its training curve's seconds)", tags: null, advice: s_seconds);
        meter.CreateObservableGauge("rdnas.training.loss", () => Observe(s => s.Loss), null, "Mean training loss of a running experiment's latest finished epoch");
        meter.CreateObservableGauge("rdnas.training.accuracy", () => Observe(s => s.Accuracy), null, "Mean training accuracy of a running experiment's latest finished epoch, in [0, 1]");
        meter.CreateObservableGauge("rdnas.training.epochs.completed", () => Observe(s => s.CompletedEpochs), "{epoch}", "Epochs a running experiment has finished");
        _checkpointDuration = meter.CreateHistogram<double>("rdnas.checkpoint.save.duration", "s", "Time to copy an epoch's checkpoint to durable storage", tags: null, advice: s_seconds);
        _subnetsEvaluated = meter.CreateCounter<long>("rdnas.evaluation.subnets", "{subnet}", "Subnets scored by the final evaluation");
        _searchCells = meter.CreateCounter<long>("rdnas.search.cells", "{cell}", "Cells searches with trained supernets have gone through (scored, or read back from their journal after a takeover)");
        _kendallTau = meter.CreateHistogram<double>("rdnas.ranking.kendall_tau", null, "Kendall tau of completed experiments' rankings against the benchmark", tags: null, advice: s_kendallTau);
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

    /// <summary>An experiment began (<paramref name="waiting"/>) or stopped waiting for a training slot.</summary>
    public void WaitingForSlot(bool waiting) => _waitingForSlot.Add(waiting ? 1 : -1);

    /// <summary>Starts the metrics of experiment <paramref name="experimentId"/>'s run on this silo; dispose them when it ends.</summary>
    public RunMetrics RunStarted(string experimentId, ExperimentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var run = new RunMetrics(this, experimentId, spec);
        _running[run] = true;
        return run;
    }

    /// <summary>An architecture grain answered a call of <paramref name="kind"/> (ground_truth, proxy_score, ...).</summary>
    public void ArchitectureQueried(string kind) => _architectureQueries.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <summary>A proxy score was computed (not read from state).</summary>
    public void ProxyComputed(string proxy, TimeSpan duration) => _proxyDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("proxy", proxy));

    internal void StepDone(RunMetrics run) => _steps.Add(1, run.Configuration);

    internal void EpochDone(RunMetrics run, TimeSpan duration)
    {
        _epochs.Add(1, run.Configuration);
        _epochDuration.Record(duration.TotalSeconds, run.Configuration);
    }

    internal void CheckpointSaved(RunMetrics run, TimeSpan duration) => _checkpointDuration.Record(duration.TotalSeconds, run.Configuration);

    internal void SubnetEvaluated(RunMetrics run) => _subnetsEvaluated.Add(1, run.Configuration);

    internal void CellSearched(RunMetrics run) => _searchCells.Add(1, run.Configuration);

    internal void RankingMeasured(RunMetrics run, double kendallTau) => _kendallTau.Record(kendallTau, run.Configuration);

    internal void RunEnded(RunMetrics run) => _running.TryRemove(run, out _);

    // Runs that have not resolved their device yet report nothing; those that have not finished an epoch have no loss.
    private IEnumerable<Measurement<double>> Observe(Func<RunMetrics.LiveState, double> value) =>
        _running.Keys.Select(run => (run.Live, Value: value(run.State)))
            .Where(m => m.Live is not null && !double.IsNaN(m.Value))
            .Select(m => new Measurement<double>(m.Value, m.Live!.Value));
}
