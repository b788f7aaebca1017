namespace RdNas.Cli.Tests;

/// <summary>Every command that writes refuses an output it cannot write before it does any work, naming the option (compare's --plot: CompareCommandTests).</summary>
public sealed class OutputLocationTests
{
    [Theory]
    [InlineData("--out", "sub", "train", "--preset", "smoke", "--data")]
    [InlineData("--out", "sub", "search", "--proxy", "flops", "--budget", "20", "--data")]
    [InlineData("--out", "scores.csv", "proxies", "score", "--proxy", "flops", "--archs", "first:3", "--data")]
    [InlineData("--out", "scores.csv", "proxies", "score", "--space", "resnet48", "--proxy", "flops", "--archs", "first:3", "--data")]
    [InlineData("--submission", "track1.csv", "proxies", "score", "--space", "resnet48", "--proxy", "flops", "--archs", "all", "--out", "{ok}", "--data")]
    [InlineData("--out", "costs.csv", "space", "costs", "--space", "resnet48", "--data")]
    public async Task Command_OutputBelowAFile_IsRefusedNamingTheOptionAndTheFile(string option, string name, params string[] command)
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-output").FullName;
        var blocker = Path.Combine(folder, "a-file");
        await File.WriteAllTextAsync(blocker, "in the way", TestContext.Current.CancellationToken);
        var target = Path.Combine(blocker, name);
        // A trailing --data takes the real data folder; {ok} is a writable file beside the blocker.
        string[] args = [.. command.Select(a => a == "{ok}" ? Path.Combine(folder, "scores.csv") : a), .. command[^1] == "--data" ? [CliRunner.RealDataFolder()] : Array.Empty<string>(), option, target];
        using var cli = new CliRunner();

        var code = await cli.RunAsync(args);

        Assert.Equal(2, code);
        var unwritable = Path.HasExtension(name) ? blocker : target; // a file's folder, or the folder itself
        Assert.Equal($"rdnas: {option}: cannot write to {unwritable}: {blocker} is a file", cli.Error.Trim());
        Assert.Equal("in the way", await File.ReadAllTextAsync(blocker, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Train_InvalidSpecWithAWritableOutput_CreatesNoOutputFolder()
    {
        var output = Path.Combine(Directory.CreateTempSubdirectory("rdnas-output").FullName, "run");
        using var cli = new CliRunner();

        var code = await cli.RunAsync("train", "--preset", "smoke", "--epochs", "0", "--out", output, "--data", CliRunner.RealDataFolder());

        Assert.Equal(2, code);
        Assert.False(Directory.Exists(output), "the output was only checked: a refused run leaves nothing behind");
    }

    [Fact]
    public async Task Search_OutputOnAFileSystemThatTakesNoFiles_IsRefused()
    {
        Assert.True(OperatingSystem.IsLinux(), "/proc is Linux's: this test (and CI) run on Linux");
        using var cli = new CliRunner();

        var code = await cli.RunAsync("search", "--proxy", "flops", "--budget", "20", "--out", "/proc/rdnas-search", "--data", CliRunner.RealDataFolder());

        Assert.Equal(2, code);
        Assert.StartsWith("rdnas: --out: cannot write to /proc/rdnas-search: /proc takes no new files (", cli.Error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Train_OutputIsAFile_IsRefused()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("rdnas-output").FullName, "result");
        await File.WriteAllTextAsync(file, "", TestContext.Current.CancellationToken);
        using var cli = new CliRunner();

        var code = await cli.RunAsync("train", "--preset", "smoke", "--out", file, "--data", CliRunner.RealDataFolder());

        Assert.Equal(2, code);
        Assert.Equal($"rdnas: --out: {file} is a file, not a folder", cli.Error.Trim());
    }

    [Fact]
    public async Task OutOfRangeArgument_IsOneLineWithTheValueGiven()
    {
        using var cli = new CliRunner();

        var code = await cli.RunAsync("search", "--proxy", "flops", "--budget", "5", "--out", Directory.CreateTempSubdirectory("rdnas-search").FullName, "--data", CliRunner.RealDataFolder());

        Assert.Equal(2, code);
        Assert.Equal("rdnas: the population must hold between 1 and the budget's 5 cells (got 10)", cli.Error.Trim());
    }
}
