using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using RdNas.Abstractions.Experiments;
using RdNas.Grains.Telemetry;

namespace RdNas.Grains.Tests;

public sealed class RdNasMetricsTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, string> Tags)> _measurements = [];

    public RdNasMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this test's meters: in-process test clusters of other tests record on meters of the same name.
            if (instrument.Meter.Name == RdNasMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, _services.GetRequiredService<IMeterFactory>()))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    [Fact]
    public void RunMetrics_CountersAndHistograms_CarryOnlyTheConfiguration()
    {
        var metrics = NewMetrics();
        using var run = metrics.RunStarted("exp-1", new ExperimentSpec(Sampler: "rdnas", Preset: "small"));
        run.TrainsOn("cuda:0");

        run.StepDone();
        run.EpochDone(1, 1.5, 0.4, TimeSpan.FromSeconds(3));
        run.CheckpointSaved(TimeSpan.FromSeconds(0.2));
        run.SubnetEvaluated();
        run.CellSearched();
        run.RankingMeasured(0.42);

        Assert.Equal(
            ["rdnas.checkpoint.save.duration", "rdnas.evaluation.subnets", "rdnas.ranking.kendall_tau", "rdnas.search.cells", "rdnas.training.epoch.duration", "rdnas.training.epochs", "rdnas.training.steps"],
            _measurements.Select(m => m.Instrument).Order(StringComparer.Ordinal));
        Assert.All(_measurements, m => Assert.Equal(new Dictionary<string, string> { ["sampler"] = "rdnas", ["preset"] = "small", ["device"] = "cuda:0" }, m.Tags));
        Assert.Equal(0.42, _measurements.Single(m => m.Instrument == "rdnas.ranking.kendall_tau").Value);
    }

    [Fact]
    public void RunMeasurement_BeforeTheDeviceIsKnown_IsRefused()
    {
        using var run = NewMetrics().RunStarted("exp-1", new ExperimentSpec());

        var error = Assert.Throws<InvalidOperationException>(run.StepDone);

        Assert.Contains("before the run resolved its device", error.Message, StringComparison.Ordinal);
        Assert.Empty(_measurements);
    }

    [Fact]
    public void LiveGauges_ReportRunningExperimentsOnlyOnceTheirDeviceIsKnownAndFromTheirFirstEpoch()
    {
        var metrics = new RdNasMetrics(_services.GetRequiredService<IMeterFactory>());
        var run = metrics.RunStarted("exp-1", new ExperimentSpec(Preset: "smoke"));
        using var other = metrics.RunStarted("exp-2", new ExperimentSpec(Preset: "medium"));
        Assert.Empty(Observe());

        run.TrainsOn("cpu");
        other.TrainsOn("cuda:0");
        other.Resumed(30);

        Assert.Equal([("rdnas.training.epochs.completed", "exp-1", 0.0), ("rdnas.training.epochs.completed", "exp-2", 30.0)], Observe());

        run.EpochDone(1, 2.0, 0.25, TimeSpan.FromSeconds(1));
        Assert.Equal(
            [("rdnas.training.accuracy", "exp-1", 0.25), ("rdnas.training.epochs.completed", "exp-1", 1.0), ("rdnas.training.epochs.completed", "exp-2", 30.0), ("rdnas.training.loss", "exp-1", 2.0)],
            Observe());

        run.Dispose();
        Assert.Equal([("rdnas.training.epochs.completed", "exp-2", 30.0)], Observe());
    }

    [Fact]
    public void SchedulingMetrics_CountRunsOnThisSiloAndExperimentsWaitingForASlot()
    {
        var metrics = new RdNasMetrics(_services.GetRequiredService<IMeterFactory>());
        using var run = metrics.RunStarted("exp-1", new ExperimentSpec(Preset: "smoke")); // counted before its device is known
        using var other = metrics.RunStarted("exp-2", new ExperimentSpec(Preset: "smoke"));
        other.Dispose();

        metrics.WaitingForSlot(true);
        metrics.WaitingForSlot(true);
        metrics.WaitingForSlot(false);
        _listener.RecordObservableInstruments();

        Assert.Equal([0.0, 1.0, 1.0, -1.0], _measurements.Where(m => m.Instrument == "rdnas.experiments.waiting").Select(m => m.Value));
        Assert.Equal(1.0, _measurements.Single(m => m.Instrument == "rdnas.training.runs").Value);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    // The metrics without the reading of none waiting for a slot that they record when made.
    private RdNasMetrics NewMetrics()
    {
        var metrics = new RdNasMetrics(_services.GetRequiredService<IMeterFactory>());
        _measurements.Clear();
        return metrics;
    }

    private List<(string, string, double)> Observe()
    {
        _measurements.Clear();
        _listener.RecordObservableInstruments();
        _measurements.RemoveAll(m => m.Instrument == "rdnas.training.runs"); // a silo-wide count, tested on its own
        Assert.All(_measurements, m => Assert.Equal(m.Tags["experiment"] == "exp-1" ? "cpu" : "cuda:0", m.Tags["device"]));
        return [.. _measurements.Select(m => (m.Instrument, m.Tags["experiment"], m.Value)).Order()];
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct, IConvertible =>
        _measurements.Add((instrument.Name, value.ToDouble(System.Globalization.CultureInfo.InvariantCulture), tags.ToArray().ToDictionary(t => t.Key, t => (string)t.Value!)));
}
