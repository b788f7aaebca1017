using Microsoft.Extensions.DependencyInjection;
using RdNas.Abstractions.Experiments;
using RdNas.Client;
using RdNas.Grains.Storage;
using RdNas.Grains.Training;
using RdNas.Nas.Runs;
using RdNas.Nas.Training;

namespace RdNas.Grains.Tests;

[Collection(SingleSiloTests.Name)]
public sealed class ExperimentCheckpointTests(SingleSiloCluster fixture)
{
    private RdNasClient Client => RdNasClient.Over(fixture.Cluster.Client);

    private T Service<T>()
        where T : notnull => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task DownloadCheckpoint_CompletedExperiment_IsItsRunFoldersArchive()
    {
        var id = await CompletedAsync("checkpoint-whole");
        using var downloaded = new MemoryStream();

        var found = await Client.DownloadCheckpointAsync(id, downloaded, TestContext.Current.CancellationToken);

        Assert.True(found);
        Assert.Equal(RunFolderArchive.Pack(Service<IRunDirectories>().RunDirectoryOf(id)), downloaded.ToArray());
    }

    [Fact]
    public async Task ReadCheckpoint_InSlices_JoinsToTheArchiveAndRefusesAnotherVersionOrAnOffsetPastItsEnd()
    {
        var id = await CompletedAsync("checkpoint-slices");
        var grain = fixture.Cluster.Client.GetGrain<IExperimentGrain>(id);
        var joined = new List<byte>();
        CheckpointChunk? chunk = null;

        do
        {
            chunk = await grain.ReadCheckpointAsync(joined.Count, 4096, chunk?.Version);
            joined.AddRange(chunk!.Bytes);
        }
        while (joined.Count < chunk.TotalBytes);
        var stale = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ReadCheckpointAsync(0, 4096, "0123abcd"));
        var pastEnd = await Assert.ThrowsAsync<InvalidOperationException>(() => grain.ReadCheckpointAsync(chunk.TotalBytes, 4096, null));
        var tooLarge = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.ReadCheckpointAsync(0, CheckpointChunk.MaxBytes + 1, null));

        Assert.True(chunk.TotalBytes > 4096, $"the archive ({chunk.TotalBytes} bytes) must take several slices");
        Assert.Equal(RunFolderArchive.Pack(Service<IRunDirectories>().RunDirectoryOf(id)), joined.ToArray());
        Assert.Contains($"the stored checkpoint of experiment '{id}' changed while it was being read", stale.Message, StringComparison.Ordinal);
        Assert.Contains($"offset {chunk.TotalBytes} lies past the end of experiment '{id}''s stored checkpoint", pastEnd.Message, StringComparison.Ordinal);
        Assert.Contains($"count ('{CheckpointChunk.MaxBytes + 1}')", tooLarge.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadCheckpoint_RunningExperiment_RefusedUntilItStopsThenServed()
    {
        const string id = "checkpoint-cancelled";
        await Client.SubmitAsync(new ExperimentSpec(Preset: "smoke", Epochs: 60, TrainImages: 256, Seed: 4), id);
        await PlacementTests.WaitForAsync(Client, id, s => s.CompletedEpochs >= 1);
        using var whileRunning = new MemoryStream();

        var running = await Assert.ThrowsAsync<InvalidOperationException>(() => Client.DownloadCheckpointAsync(id, whileRunning, TestContext.Current.CancellationToken));
        Assert.Equal(ExperimentPhase.Cancelled, (await Client.CancelAsync(id)).Phase);
        using var stopped = new MemoryStream();
        var found = await Client.DownloadCheckpointAsync(id, stopped, TestContext.Current.CancellationToken);
        var unpacked = Directory.CreateTempSubdirectory("rdnas-cancelled-checkpoint").FullName;
        stopped.Position = 0;
        RunFolderArchive.Unpack(stopped, unpacked);

        Assert.Contains($"experiment '{id}' is training: its checkpoint can be read once it has stopped", running.Message, StringComparison.Ordinal);
        Assert.Equal(0, whileRunning.Length);
        Assert.True(found);
        Assert.InRange(TrainingCheckpoint.ReadState(Path.Combine(unpacked, "checkpoint")).CompletedEpochs, 1, 59);
    }

    [Fact]
    public async Task DownloadCheckpoint_ExperimentFailedBeforeItsFirstEpochOrUnknown_NothingToRead()
    {
        await Client.SubmitAsync(new ExperimentSpec(Preset: "smoke", GroundTruth: "cifar10_vaild"), "checkpoint-failed");
        Assert.Equal(ExperimentPhase.Failed, (await PlacementTests.FinalAsync(Client, "checkpoint-failed")).Phase);
        using var nothing = new MemoryStream();

        var found = await Client.DownloadCheckpointAsync("checkpoint-failed", nothing, TestContext.Current.CancellationToken);
        var unknown = await Assert.ThrowsAsync<InvalidOperationException>(() => Client.DownloadCheckpointAsync("checkpoint-nobody", nothing, TestContext.Current.CancellationToken));

        Assert.False(found);
        Assert.Contains("no experiment 'checkpoint-nobody' on this cluster", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(0, nothing.Length);
    }

    [Fact]
    public async Task LocalStore_ExperimentWithoutACheckpoint_ReadsNothing()
    {
        var store = new LocalCheckpointStore(new FixedRunDirectory(Directory.CreateTempSubdirectory("rdnas-no-checkpoint").FullName));

        Assert.Null(await store.ReadAsync("any", 0, 4096, null, TestContext.Current.CancellationToken));
    }

    private async Task<string> CompletedAsync(string id)
    {
        await Client.SubmitAsync(new ExperimentSpec(Preset: "smoke", Epochs: 1, TrainImages: 256, Seed: 3), id);
        Assert.Equal(ExperimentPhase.Completed, (await PlacementTests.FinalAsync(Client, id)).Phase);
        return id;
    }
}
