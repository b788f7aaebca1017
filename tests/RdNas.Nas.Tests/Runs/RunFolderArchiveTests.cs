using RdNas.Nas.Runs;

namespace RdNas.Nas.Tests.Runs;

public sealed class RunFolderArchiveTests
{
    [Fact]
    public void PackThenUnpack_ElsewhereAndOverAnOlderCheckpoint_CarriesTheCheckpointAndTheJournalsOnly()
    {
        var run = Directory.CreateTempSubdirectory("rdnas-archive-run").FullName;
        Directory.CreateDirectory(Path.Combine(run, "checkpoint"));
        File.WriteAllText(Path.Combine(run, "checkpoint", "trainer.json"), "{ \"completed_epochs\": 3 }");
        File.WriteAllText(Path.Combine(run, "history.json"), "[1]");
        File.WriteAllText(Path.Combine(run, "training_curve.json"), "[1, 2, 3]");
        File.WriteAllText(Path.Combine(run, "evaluation.partial.csv"), "# signature\n|a~0|,90,0.3,1.5\n");
        File.WriteAllText(Path.Combine(run, "rss.csv"), "not part of a checkpoint");
        Directory.CreateDirectory(Path.Combine(run, "search"));
        File.WriteAllText(Path.Combine(run, "search", "scores.csv"), "# scorer: s\narch,score\n");
        File.WriteAllText(Path.Combine(run, "search", "search.json"), "written again when the search ends");
        var elsewhere = Directory.CreateTempSubdirectory("rdnas-archive-resumed").FullName;
        Directory.CreateDirectory(Path.Combine(elsewhere, "checkpoint"));
        File.WriteAllText(Path.Combine(elsewhere, "checkpoint", "stale.bin"), "an older checkpoint's file");

        using var archive = new MemoryStream(RunFolderArchive.Pack(run));
        RunFolderArchive.Unpack(archive, elsewhere);

        Assert.Equal("{ \"completed_epochs\": 3 }", File.ReadAllText(Path.Combine(elsewhere, "checkpoint", "trainer.json")));
        Assert.Equal("[1]", File.ReadAllText(Path.Combine(elsewhere, "history.json")));
        Assert.Equal("[1, 2, 3]", File.ReadAllText(Path.Combine(elsewhere, "training_curve.json")));
        Assert.Equal("# signature\n|a~0|,90,0.3,1.5\n", File.ReadAllText(Path.Combine(elsewhere, "evaluation.partial.csv")));
        Assert.False(File.Exists(Path.Combine(elsewhere, "checkpoint", "stale.bin")), "the archive replaces the checkpoint, not merges into it");
        Assert.False(File.Exists(Path.Combine(elsewhere, "rss.csv")));
        Assert.Equal("# scorer: s\narch,score\n", File.ReadAllText(Path.Combine(elsewhere, "search", "scores.csv")));
        Assert.False(File.Exists(Path.Combine(elsewhere, "search", "search.json")));
    }

    [Fact]
    public void Pack_FolderWithoutACheckpoint_FailsNamingTheFolder()
    {
        var run = Directory.CreateTempSubdirectory("rdnas-archive-empty").FullName;

        var error = Assert.Throws<DirectoryNotFoundException>(() => RunFolderArchive.Pack(run));

        Assert.Contains($"no checkpoint to archive in {run}", error.Message, StringComparison.Ordinal);
    }
}
