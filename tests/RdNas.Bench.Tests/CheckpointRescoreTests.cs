namespace RdNas.Bench.Tests;

public sealed class CheckpointRescoreTests
{
    [Fact]
    public void Run_UnknownToken_NamesItAndTheKnownOnesBeforeOpeningTheRun()
    {
        var error = Assert.Throws<ArgumentException>(() => CheckpointRescore.Run("no-such-run", "medium", 1, "unused.csv", ["valid-batch=64", "recalibrate"]));

        Assert.Equal("rescore: unknown token 'recalibrate' (expected history, valid-batch=SIZE, finetune=STEPS@LR)", error.Message);
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

    [Theory]
    [InlineData("finetune=50")]
    [InlineData("finetune=0@0.01")]
    [InlineData("finetune=50@0")]
    [InlineData("finetune=50@fast")]
    [InlineData("finetune=50@0.01@2")]
    public void Run_BadFineTuning_NamesTheTokenBeforeOpeningTheRun(string token)
    {
        var error = Assert.Throws<ArgumentException>(() => CheckpointRescore.Run("no-such-run", "medium", 1, "unused.csv", [token]));

        Assert.Equal($"rescore: {token}: expected STEPS@LEARNING_RATE, a positive whole number and a positive number, such as finetune=50@0.01", error.Message);
    }
}
