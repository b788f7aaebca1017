using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.Proxies;
using RdNas.Nas.Runs;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Teachers;
using RdNas.Nas.Training.Methods;

namespace RdNas.Nas.Tests.Runs;

public sealed class TeacherAgreementTests
{
    private static readonly Nb201SearchSpace s_space = new(4);

    [Fact]
    public void Of_CachedTeacher_RanksTheRunsSubnetsAgainstTheirGroundTruth()
    {
        var cache = TestData.TempFolder();
        WriteTeacherCache(cache, "flops", c => Nb201CostModel.Mflops(c));
        var cells = s_space.Enumerate().Where((_, i) => i % 997 == 0).ToList(); // 5 cells
        // Ground truth that agrees with the teacher except for one swapped pair.
        var truth = cells.Select(c => Nb201CostModel.Mflops(c)).ToArray();
        (truth[0], truth[1]) = (truth[1], truth[0]);
        var run = Run(new TrainingMethodSpec("rdnas", Teacher: "flops"), cells, truth);

        var fit = new TeacherAgreement(cache).Of(run)!;

        var teacher = cells.Select(c => Nb201CostModel.Mflops(c)).ToArray();
        Assert.Equal(KendallTau.Compute(teacher, truth), fit.TeacherTau, 12);
        Assert.True(fit.TeacherTau < 1, "the swapped pair must cost agreement");
        Assert.Equal(KendallTau.Compute([.. run.Subnets.Select(s => s.SupernetAccuracy)], teacher), fit.StudentTau, 12);
    }

    [Fact]
    public void Of_RunsSharingATeacher_ReadTheCacheFileOnce()
    {
        var cache = TestData.TempFolder();
        WriteTeacherCache(cache, "flops", c => Nb201CostModel.Mflops(c));
        var cells = s_space.Enumerate().Where((_, i) => i % 997 == 0).ToList();
        var run = Run(new TrainingMethodSpec("rdnas", Teacher: "flops"), cells, [.. cells.Select(c => Nb201CostModel.Mflops(c))]);
        var agreement = new TeacherAgreement(cache);
        var first = agreement.Of(run);
        File.Delete(Path.Combine(cache, TeacherScores.CacheFileName(ProxyColumn.Parse("flops"), s_space, 0)));

        var second = agreement.Of(run with { Directory = "runs/x-s1", Seed = 1 });

        Assert.Equal(1.0, first!.TeacherTau, 12);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Of_TeacherNotCachedOrNoTeacher_IsNull()
    {
        var cells = s_space.Enumerate().Take(3).ToList();
        var empty = TestData.TempFolder();

        Assert.Null(new TeacherAgreement(empty).Of(Run(new TrainingMethodSpec("rdnas", Teacher: "nwot"), cells, [1, 2, 3])));
        Assert.Null(new TeacherAgreement(empty).Of(Run(new TrainingMethodSpec("spos"), cells, [1, 2, 3])));
    }

    [Fact]
    public void Of_NamedTeacher_MeasuresARunThatTrainedWithout()
    {
        var cache = TestData.TempFolder();
        WriteTeacherCache(cache, "flops", c => Nb201CostModel.Mflops(c));
        var cells = s_space.Enumerate().Where((_, i) => i % 997 == 0).ToList();
        var spos = Run(new TrainingMethodSpec("spos"), cells, [.. cells.Select(c => Nb201CostModel.Mflops(c))]);

        var fit = new TeacherAgreement(cache).Of(spos, "flops");

        Assert.Equal(1.0, fit!.TeacherTau, 12);
        Assert.Null(new TeacherAgreement(cache).Of(spos)); // no teacher of its own
    }

    [Fact]
    public void Of_MalformedArchInSubnets_NamesTheRunsFile()
    {
        var cache = TestData.TempFolder();
        WriteTeacherCache(cache, "flops", c => Nb201CostModel.Mflops(c));
        var run = Run(new TrainingMethodSpec("rdnas", Teacher: "flops"), [], []) with { Subnets = [new("|bad~0|", 60, 80), new("x", 61, 81)] };

        var error = Assert.Throws<InvalidDataException>(() => new TeacherAgreement(cache).Of(run));

        Assert.StartsWith(Path.Combine("runs/x-s0", "subnets.csv"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryLoadCached_IncompleteFile_IsNull()
    {
        var cache = TestData.TempFolder();
        var path = Path.Combine(cache, TeacherScores.CacheFileName(ProxyColumn.Parse("flops"), s_space, 0));
        File.WriteAllLines(path, ["arch,flops", $"{s_space.Enumerate().First()},1.5"]);

        Assert.Null(TeacherScores.TryLoadCached(ProxyColumn.Parse("flops"), s_space, 0, cache));
    }

    private static void WriteTeacherCache(string cache, string proxy, Func<Nb201Genotype, double> score)
    {
        var path = Path.Combine(cache, TeacherScores.CacheFileName(ProxyColumn.Parse(proxy), s_space, 0));
        File.WriteAllLines(path, [$"arch,{proxy}", .. s_space.Enumerate().Select(c => FormattableString.Invariant($"{c},{score(c)}"))]);
    }

    private static RunRecord Run(TrainingMethodSpec method, List<Nb201Genotype> cells, double[] truth) =>
        new("runs/x-s0", method, "small", 0, "e", 4, 60, new RankingReport(0.5, 0.6, 0.5, 0.7, 0.2), [],
            [.. cells.Select((c, i) => new RecordedSubnet(c.ToString(), 60 + i, truth[i]))], null, [], new TrainingBudget(25, 64, 10_000));
}
