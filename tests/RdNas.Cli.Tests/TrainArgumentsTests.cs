using RdNas.Abstractions.Experiments;
using RdNas.Cli.Commands;
using RdNas.Cli.Output;
using Spectre.Console;

namespace RdNas.Cli.Tests;

public sealed class TrainArgumentsTests
{
    public static TheoryData<ExperimentSpec> Specs => new()
    {
        new ExperimentSpec(),
        new ExperimentSpec(Preset: "medium", Seed: 3),
        new ExperimentSpec(
            "nb201", "rdnas", "paper", 7, 120, 512, 9000, "ensemble:nwot+jacov+synflow", "hamming", 5.5, 0.1, "const:1.5",
            GroundTruth: "cifar100_valid", AverageWeightsAfter: 90, Search: new ExperimentSearchSpec("random", 50, 2, 10, 3),
            HeadDropout: 0.05, BnStatistics: "valid-batch", Subnets: 100, SampleSeed: 1),
        new ExperimentSpec(Sampler: "fairnas", Search: new ExperimentSearchSpec(Budget: 30, Population: 5, Tournament: 2)),
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void For_AnySpecTheOptionsSet_ParsesBackToTheSameSpec(ExperimentSpec spec)
    {
        var arguments = TrainArguments.For(spec, "/runs/a b")!;
        using var output = new StringWriter();
        var command = new TrainCommand(new CliConsole(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }), output));

        var parsed = command.Parse([.. arguments]);

        Assert.Empty(parsed.Errors);
        Assert.Equal(spec, TrainCommand.SpecFrom(parsed));
        Assert.Equal(["--out", "/runs/a b"], arguments.TakeLast(2));
    }

    [Fact]
    public void For_DefaultSpec_OnlyTheOutputFolder()
    {
        Assert.Equal(["--out", "runs/x"], TrainArguments.For(new ExperimentSpec(), "runs/x"));
    }

    [Fact]
    public void For_SpecWithASplitSeed_NoCommandLine()
    {
        Assert.Null(TrainArguments.For(new ExperimentSpec(SplitSeed: 3), "runs/x"));
    }

    [Fact]
    public void ShellLine_ArgumentsAShellWouldSplitOrExpand_Quoted()
    {
        Assert.Equal("--teacher ensemble:nwot+jacov --out '/tmp/my runs/it'\\''s' --margin 0.1", TrainArguments.ShellLine(["--teacher", "ensemble:nwot+jacov", "--out", "/tmp/my runs/it's", "--margin", "0.1"]));
    }
}
