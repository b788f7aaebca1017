using Azure.Storage.Blobs;
using RdNas.Grains.Storage;
using RdNas.Nas.Runs;

namespace RdNas.Integration.Tests;

/// <summary>The blob store's slices of a stored checkpoint, on Azurite: what a client joins into a run folder.</summary>
public sealed class BlobCheckpointStoreTests
{
    [Fact]
    public async Task Read_InSlices_JoinsToTheStoredArchiveAndRefusesAReplacedOne()
    {
        var azurite = Azurite.RequireDefault();
        var token = TestContext.Current.CancellationToken;
        var store = new BlobCheckpointStore(new BlobContainerClient(azurite.ConnectionString, BlobCheckpointStore.ContainerName), $"slices-{Guid.NewGuid():N}");
        var run = Directory.CreateTempSubdirectory("rdnas-blob-slices").FullName;
        Directory.CreateDirectory(Path.Combine(run, "checkpoint"));
        var weights = new byte[300_000];
        new Random(5).NextBytes(weights); // incompressible, so the archive takes several slices
        File.WriteAllBytes(Path.Combine(run, "checkpoint", "supernet.bin"), weights);
        File.WriteAllText(Path.Combine(run, "history.json"), "[]");
        await store.SaveAsync("exp", run, token);
        var stored = RunFolderArchive.Pack(run);

        var joined = new List<byte>();
        string? version = null;
        long total;
        do
        {
            var chunk = (await store.ReadAsync("exp", joined.Count, 100_000, version, token))!;
            joined.AddRange(chunk.Bytes);
            (version, total) = (chunk.Version, chunk.TotalBytes);
        }
        while (joined.Count < total);
        File.WriteAllText(Path.Combine(run, "history.json"), "[1]");
        await store.SaveAsync("exp", run, token);
        var replaced = await Assert.ThrowsAsync<InvalidOperationException>(() => store.ReadAsync("exp", 0, 100_000, version, token));
        var pastEnd = await Assert.ThrowsAsync<InvalidOperationException>(() => store.ReadAsync("exp", total + 10, 100, null, token));

        Assert.Equal(stored, joined.ToArray());
        Assert.Equal(stored.Length, total);
        Assert.Contains("the stored checkpoint of experiment 'exp' changed while it was being read", replaced.Message, StringComparison.Ordinal);
        Assert.Contains($"offset {total + 10} lies past the end", pastEnd.Message, StringComparison.Ordinal);
        Assert.Null(await store.ReadAsync("never-stored", 0, 100, null, token));
    }

    [Fact]
    public void ReleaseRunFolder_DeletesTheWorkersScratchFolder()
    {
        var store = new BlobCheckpointStore(new BlobContainerClient("UseDevelopmentStorage=true", BlobCheckpointStore.ContainerName), "release");
        var run = Directory.CreateTempSubdirectory("rdnas-blob-release").FullName;
        Directory.CreateDirectory(Path.Combine(run, "checkpoint"));
        File.WriteAllText(Path.Combine(run, "checkpoint", "supernet.bin"), "weights");

        store.ReleaseRunFolder(run);
        store.ReleaseRunFolder(run); // gone already: nothing to do

        Assert.False(Directory.Exists(run));
    }

    [Fact]
    public async Task Delete_StoredCheckpoint_GoneAndSaidOnce()
    {
        var azurite = Azurite.RequireDefault();
        var token = TestContext.Current.CancellationToken;
        var store = new BlobCheckpointStore(new BlobContainerClient(azurite.ConnectionString, BlobCheckpointStore.ContainerName), $"delete-{Guid.NewGuid():N}");
        var run = Directory.CreateTempSubdirectory("rdnas-blob-delete").FullName;
        Directory.CreateDirectory(Path.Combine(run, "checkpoint"));
        File.WriteAllText(Path.Combine(run, "checkpoint", "supernet.bin"), "weights");
        await store.SaveAsync("exp", run, token);

        var deleted = await store.DeleteAsync("exp", token);
        var again = await store.DeleteAsync("exp", token);

        Assert.True(deleted);
        Assert.False(again);
        Assert.Null(await store.ReadAsync("exp", 0, 100, null, token));
    }
}
