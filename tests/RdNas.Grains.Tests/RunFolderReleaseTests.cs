using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RdNas.Abstractions.Experiments;
using RdNas.Client;
using RdNas.Grains.Storage;
using RdNas.Grains.Training;

namespace RdNas.Grains.Tests;

/// <summary>A finished worker that cannot delete its run folder (a file held open, a read-only disk) says so and the experiment is unharmed.</summary>
public sealed class RunFolderReleaseTests
{
    [Fact]
    public async Task FinishedRun_FolderCannotBeDeleted_ExperimentCompletesAndAWarningNamesTheFolder()
    {
        var warnings = new WarningRecorder();
        var store = (UndeletableFolderStore?)null;
        await using var cluster = await PlatformTestCluster.StartAsync(1, [], allowCpuTraining: true, PlacementTests.RealData(), services: s =>
        {
            s.AddSingleton<ICheckpointStore>(p => store = new UndeletableFolderStore(new LocalCheckpointStore(p.GetRequiredService<IRunDirectories>())));
            s.AddSingleton<ILoggerProvider>(warnings);
        });
        await using var client = RdNasClient.Over(cluster.Client);

        await client.SubmitAsync(new ExperimentSpec(Preset: "smoke", Epochs: 1, TrainImages: 256, Subnets: 4, Seed: 21), "kept-folder");
        var final = await PlacementTests.FinalAsync(client, "kept-folder");

        Assert.Equal(ExperimentPhase.Completed, final.Phase);
        Assert.NotNull(await client.GetResultAsync("kept-folder"));
        var folder = Assert.Single(store!.Released);
        Assert.Contains(warnings.Messages, m => m == $"Experiment kept-folder: its run folder {folder} could not be deleted after the run");
    }

    // The local store, but a folder it is asked to release cannot be deleted.
    private sealed class UndeletableFolderStore(LocalCheckpointStore inner) : ICheckpointStore
    {
        public ConcurrentQueue<string> Released { get; } = new();

        public Task SaveAsync(string experimentId, string runDirectory, CancellationToken cancellationToken) => inner.SaveAsync(experimentId, runDirectory, cancellationToken);

        public Task<bool> RestoreAsync(string experimentId, string runDirectory, CancellationToken cancellationToken) => inner.RestoreAsync(experimentId, runDirectory, cancellationToken);

        public Task<bool> DeleteAsync(string experimentId, CancellationToken cancellationToken) => inner.DeleteAsync(experimentId, cancellationToken);

        public void ReleaseRunFolder(string runDirectory)
        {
            Released.Enqueue(runDirectory);
            throw new IOException($"Device or resource busy : '{runDirectory}'");
        }

        public Task<CheckpointChunk?> ReadAsync(string experimentId, long offset, int count, string? version, CancellationToken cancellationToken) =>
            inner.ReadAsync(experimentId, offset, count, version, cancellationToken);
    }

    // The silo's warnings, as formatted messages.
    private sealed class WarningRecorder : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                Messages.Enqueue(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
