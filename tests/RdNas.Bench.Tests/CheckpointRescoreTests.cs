namespace RdNas.Bench.Tests;

public sealed class CheckpointRescoreTests
{
    [Fact]
    public void Run_UnknownToken_NamesItAndTheKnownOnesBeforeOpeningTheRun()
    {
        var error = Assert.Throws<ArgumentException>(() => CheckpointRescore.Run("no-such-run", "medium", 1, "unused.csv", ["valid-batch=64", "recalibrate"]));

        Assert.Equal("rescore: unknown token 'recalibrate' (expected history, valid-batch=SIZE)", error.Message);
        Assert.False(File.Exists("unused.csv"));
    }
}
