using RdNas.Abstractions.Experiments;
using RdNas.Cli.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace RdNas.Cli.Tests;

public sealed class ExperimentDetailsTableTests
{
    private static readonly DateTimeOffset s_updated = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_CompletedRdNasRun_ShowsEverySettingAndTheWholeRanking()
    {
        var spec = new ExperimentSpec(Sampler: "rdnas", Preset: "medium", Seed: 3, Teacher: "nwot", PairSampler: "hamming", PairThreshold: 5, Margin: 0.1, Lambda: "const:1", AverageWeightsAfter: 50, HeadDropout: 0.1, BnStatistics: "valid-batch", Subnets: 200, SampleSeed: 1);
        var status = new ExperimentStatus("h2h-3", ExperimentPhase.Completed, "completed", 75, 75, 0, 157, 0.93, 0.67, 200, 200, "silo-a", 2, 40, s_updated, Device: "cuda:1");
        var ranking = new ExperimentRanking(0.4612, 0.6511, 0.5663, 0.7301, 0.2);

        var text = Render(ExperimentDetailsTable.Create("h2h-3", spec, status, ranking));

        Assert.Contains("rdnas nwot/hamming≥5/const:1/m=0.1 +dropout 0.1 +swa after 50", text, StringComparison.Ordinal);
        Assert.Matches(@"head dropout\s*│\s*0\.1", text);
        Assert.Matches(@"BN statistics \(scoring\)\s*│\s*valid-batch", text);
        Assert.Matches(@"evaluated subnets\s*│\s*200", text);
        Assert.Matches(@"subnet sample seed\s*│\s*1", text);
        Assert.Contains("3 / 0", text, StringComparison.Ordinal); // seed / split seed
        Assert.Contains("preset's (75)", text, StringComparison.Ordinal);
        Assert.Contains("hamming (distance ≥ 5)", text, StringComparison.Ordinal);
        Assert.Contains("paper's, margin 0.1", text, StringComparison.Ordinal);
        Assert.Contains("mean of the epochs after 50", text, StringComparison.Ordinal);
        Assert.Contains("200/200", text, StringComparison.Ordinal);
        Assert.Contains("resumed from epoch", text, StringComparison.Ordinal);
        Assert.Matches(@"device\s*│\s*cuda:1", text);
        foreach (var metric in new[] { "0.4612", "0.6511", "0.5663", "0.7301", "0.2000" })
        {
            Assert.Contains(metric, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("current epoch", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TrainingSposRun_ShowsTheCurrentEpochAndNoRdNasSettings()
    {
        var spec = new ExperimentSpec(Preset: "small", Epochs: 30, BatchSize: 32);
        var status = new ExperimentStatus("spos-0", ExperimentPhase.Training, "epoch 5/30", 4, 30, 17, 157, 1.5, 0.42, 0, 0, null, 1, null, s_updated);

        var text = Render(ExperimentDetailsTable.Create("spos-0", spec, status, ranking: null));

        Assert.Contains("step 17/157, loss 1.5000, train accuracy 42.0", text, StringComparison.Ordinal);
        Assert.Contains("4/30", text, StringComparison.Ordinal);
        Assert.Contains("last", text, StringComparison.Ordinal);
        foreach (var absent in new[] { "teacher", "pair sampler", "λ schedule", "Kendall", "subnets evaluated", "search", "scores the supernet of" })
        {
            Assert.DoesNotContain(absent, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Create_RescoringExperiment_NamesTheExperimentWhoseSupernetItScores()
    {
        var spec = new ExperimentSpec(Preset: "medium", Subnets: 100, SampleSeed: 1, RescoreOf: "exp-source");
        var status = new ExperimentStatus("rescore-1", ExperimentPhase.Evaluating, "evaluating subnet 3/100", 75, 75, 0, 0, 0, 0, 2, 100, null, 1, 75, s_updated);

        var text = Render(ExperimentDetailsTable.Create("rescore-1", spec, status, ranking: null));

        Assert.Contains("scores the supernet of", text, StringComparison.Ordinal);
        Assert.Contains("experiment exp-source (no training)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SearchingRun_ShowsTheSearchAndCellsSearched()
    {
        var spec = new ExperimentSpec(Preset: "medium", Search: new ExperimentSearchSpec("evolution", Budget: 100, Seed: 2, Population: 20, Tournament: 5));
        var status = new ExperimentStatus("s", ExperimentPhase.Searching, "searching: cell 37/100 scored", 75, 75, 0, 0, 0, 0, 200, 200, "silo-a", 1, null, s_updated, 37, 100);

        var text = Render(ExperimentDetailsTable.Create("s", spec, status, ranking: null));

        Assert.Contains("evolution, 100 cells, population 20, tournament 5, seed 2", text, StringComparison.Ordinal);
        Assert.Contains("37/100", text, StringComparison.Ordinal);
        Assert.Contains("Searching", text, StringComparison.Ordinal);
    }

    private static string Render(IRenderable table)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = CliConsole.RedirectedWidth;
        console.Write(table);
        return writer.ToString();
    }
}
