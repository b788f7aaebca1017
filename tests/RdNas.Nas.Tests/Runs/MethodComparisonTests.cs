using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.Runs;
using RdNas.Nas.Training.Methods;

namespace RdNas.Nas.Tests.Runs;

public sealed class MethodComparisonTests
{
    private static readonly TrainingMethodSpec s_spos = new("spos");
    private static readonly TrainingMethodSpec s_rdnas = new("rdnas");

    [Fact]
    public void Summarise_SeedsOfTwoMethods_GivesMeanSpreadAndRatioOnPairedSeeds()
    {
        RunRecord[] runs = [Run(s_spos, 0, 0.4), Run(s_spos, 1, 0.3), Run(s_spos, 2, 0.5), Run(s_rdnas, 0, 0.5), Run(s_rdnas, 1, 0.4)];

        var methods = MethodComparison.Summarise(runs, "spos", _ => null);

        Assert.Equal(["spos", "rdnas flops/margin/sine"], methods.Select(m => m.Method));
        var spos = methods[0];
        Assert.Equal([0L, 1, 2], spos.Seeds);
        Assert.Equal(0.4, spos.MeanTau, 12);
        Assert.Equal(0.1, spos.TauStandardDeviation, 12); // sample standard deviation (n − 1)
        Assert.Null(spos.Baseline);
        var rdnas = methods[1];
        Assert.Equal(0.45, rdnas.MeanTau, 12);
        Assert.Equal(Math.Sqrt(0.005), rdnas.TauStandardDeviation, 12);
        Assert.Equal([0L, 1], rdnas.Baseline!.PairedSeeds);
        Assert.Equal(0.45 / 0.35, rdnas.Baseline.Ratio, 12); // spos's seed 2 is left out: rdnas never ran it
        Assert.Null(rdnas.Baseline.Difference); // both paired seeds gained 0.1: no spread, no test
    }

    [Fact]
    public void Summarise_BaselineIsAnRdNasConfiguration_ComparesTheOtherRdNasConfigurationsWithIt()
    {
        var warmup = s_rdnas with { Lambda = "warmup" };
        RunRecord[] runs = [Run(s_rdnas, 0, 0.4), Run(warmup, 0, 0.2), Run(s_spos, 0, 0.5)];

        var methods = MethodComparison.Summarise(runs, "rdnas flops/margin/sine", _ => null);

        Assert.Null(methods[0].Baseline);
        Assert.Equal(0.5, methods[1].Baseline!.Ratio, 12);
        Assert.Equal(1.25, methods[2].Baseline!.Ratio, 12);
    }

    [Fact]
    public void Summarise_SeedRunTwice_CountsOnceWithTheMeanOfItsRuns()
    {
        RunRecord[] runs = [Run(s_spos, 0, 0.2), Run(s_spos, 0, 0.4)];

        var spos = Assert.Single(MethodComparison.Summarise(runs, "spos", _ => null));

        Assert.Equal([0L], spos.Seeds);
        Assert.Equal(0.3, spos.MeanTau, 12);
        Assert.True(double.IsNaN(spos.TauStandardDeviation), "one seed has no spread");
    }

    [Fact]
    public void Summarise_OtherEvaluationEpochsOrBatchSize_AreOtherConfigurationsWithoutABaseline()
    {
        RunRecord[] runs =
        [
            Run(s_spos, 0, 0.4), Run(s_rdnas, 0, 0.5, evaluation: "50 subnets (seed 0) on 2000 images"), Run(s_rdnas, 0, 0.6, epochs: 40),
            Run(s_rdnas, 0, 0.7, batchSize: 128),
        ];

        var methods = MethodComparison.Summarise(runs, "spos", _ => null);

        Assert.Equal(4, methods.Count);
        Assert.Equal("75 epochs of 10000 images, batch 128", methods[3].Budget.ToString());
        Assert.All(methods, m => Assert.Null(m.Baseline));
    }

    [Fact]
    public void Summarise_RunsOfAnotherImplementation_AreTheirOwnConfigurationComparedWithTheBaseline()
    {
        RunRecord[] runs = [Run(s_spos, 0, 0.4), Run(s_spos, 1, 0.2), Run(s_spos, 0, 0.3) with { Implementation = "pytorch" }];

        var methods = MethodComparison.Summarise(runs, "spos", _ => null);

        Assert.Equal(["spos", "spos (pytorch)"], methods.Select(m => m.Method));
        Assert.Equal(0.3, methods[0].MeanTau, 12);
        Assert.Equal([0L], methods[1].Baseline!.PairedSeeds);
        Assert.Equal(0.75, methods[1].Baseline!.Ratio, 12);
    }

    [Fact]
    public void Summarise_TeacherAndStudentTau_AreMeansOverTheRunsThatKnowThem()
    {
        RunRecord[] runs = [Run(s_rdnas, 0, 0.5), Run(s_rdnas, 1, 0.4), Run(s_spos, 0, 0.3)];

        var methods = MethodComparison.Summarise(runs, "spos", run => run.Teacher is null ? null : new TeacherFit(0.5 + run.Seed * 0.1, 0.3 - run.Seed * 0.1));

        Assert.Equal(0.55, methods[0].TeacherTau!.Value, 12);
        Assert.Equal(0.25, methods[0].StudentTeacherTau!.Value, 12);
        Assert.Null(methods[1].TeacherTau);
        Assert.Null(methods[1].StudentTeacherTau);
    }

    private static RunRecord Run(TrainingMethodSpec method, long seed, double tau, int epochs = 75, string evaluation = "200 subnets (seed 0) on 10000 images", int batchSize = 64) =>
        new($"runs/{method.Sampler}-s{seed}", method, "medium", seed, evaluation, 4, 60, new RankingReport(tau, tau + 0.1, 0.5, 0.7, 0.2), [], [], null, [], new TrainingBudget(epochs, batchSize, 10_000));
}
