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

    [Theory]
    [InlineData("valid-batch=0")]
    [InlineData("valid-batch=sixty")]
    public void Run_BadValidBatchSize_NamesTheToken(string token)
    {
        var error = Assert.Throws<ArgumentException>(() => CheckpointRescore.Run("no-such-run", "medium", 1, "unused.csv", [token]));

        Assert.Equal($"rescore: {token}: the batch size must be a positive whole number", error.Message);
    }
}
