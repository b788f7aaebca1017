using RdNas.Nas.Randomness;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Bench.Tests;

public sealed class FewShotTests
{
    [Fact]
    public void EdgeFixingSampler_FixedOp_SetsOnlyTheSplitEdgeOfTheUniformDraw()
    {
        var space = new Nb201SearchSpace(4);
        var sampler = new EdgeFixingSampler(space, edge: 2) { Fixed = Nb201Op.AvgPool3x3 };
        var uniform = new SeededGenerator(7);
        var fixing = new SeededGenerator(7);

        for (var i = 0; i < 50; i++)
        {
            var drawn = space.Sample(uniform).Ops();
            var fixedDraw = sampler.NextSubnet(fixing).Ops();

            Assert.Equal(Nb201Op.AvgPool3x3, fixedDraw[2]);
            drawn[2] = Nb201Op.AvgPool3x3;
            Assert.Equal(drawn, fixedDraw);
        }
    }

    [Fact]
    public void EdgeFixingSampler_NothingFixed_IsTheUniformDrawUnderSposName()
    {
        var space = new Nb201SearchSpace(4);
        var sampler = new EdgeFixingSampler(space, edge: 0);

        Assert.Equal("spos", sampler.Name);
        Assert.Equal(space.Sample(new SeededGenerator(3)), sampler.NextSubnet(new SeededGenerator(3)));
    }

    [Theory]
    [InlineData(0, 6, 0)]
    [InlineData(51, 0, 0)]
    [InlineData(51, 6, 6)]
    [InlineData(51, 6, -1)]
    public void Run_BadEpochsOrEdge_RefusedBeforeReadingData(int oneShotEpochs, int subEpochs, int edge)
    {
        var error = Assert.Throws<ArgumentException>(() => FewShotScreen.Run("medium", oneShotEpochs, subEpochs, edge, 0, 1, "unused-few-shot"));

        Assert.Equal($"few-shot: epochs ({oneShotEpochs}, {subEpochs}) must be positive and the edge ({edge}) in [0, 6)", error.Message);
        Assert.False(Directory.Exists("unused-few-shot"));
    }

    [Fact]
    public void EdgeGroups_RunCsvAndFewShotCsv_ReadAlikeAndSummarisedPerOperation()
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-edge-groups").FullName;
        var run = Path.Combine(folder, "subnets.csv");
        var fewShot = Path.Combine(folder, "few-shot.csv");
        var (a, b, c) = (SyntheticRuns.Archs[0], SyntheticRuns.Archs[1], SyntheticRuns.Archs[2]);
        File.WriteAllText(run, $"arch,supernet_accuracy,ground_truth,supernet_loss\n{a},60,80,1.1\n{b},61,85,1.0\n{c},62,84,0.9\n");
        File.WriteAllText(fewShot, $"{FewShotScreen.Header}\nx,{a},60,1.1,80\nx,{b},61,1.0,85\nx,{c},62,0.9,84\n");

        var fromRun = EdgeGroups.Read(run);

        Assert.Equal(fromRun, EdgeGroups.Read(fewShot));
        Assert.Equal(new ScoredCell(Nb201Genotype.Parse(b), 61, 85), fromRun[1]);
        Assert.Equal( // edge 0: a is a pooling cell, b and c skip (b ranked above c by the truth, below by the supernet)
            "τ 0.333; edge 0: skip_connect 61.50/84.50 τ -1.000 (n=2); avg_pool_3x3 60.00/80.00 τ - (n=1)",
            EdgeGroups.Summary(fromRun, edge: 0));
    }

    [Fact]
    public void EdgeGroups_CsvWithoutAccuracyColumn_NamesFileAndColumns()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("rdnas-edge-groups").FullName, "odd.csv");
        File.WriteAllText(path, $"arch,score,ground_truth\n{SyntheticRuns.Archs[0]},1,80\n");

        var error = Assert.Throws<InvalidDataException>(() => EdgeGroups.Read(path));

        Assert.Equal($"{path}: no supernet_accuracy or accuracy column in its header 'arch,score,ground_truth'", error.Message);
    }

    [Fact]
    public void EdgeGroups_MalformedLine_NamesFileAndLine()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("rdnas-edge-groups").FullName, "short.csv");
        File.WriteAllText(path, $"arch,supernet_accuracy,ground_truth\n{SyntheticRuns.Archs[0]},61.5,80\n{SyntheticRuns.Archs[1]},n/a,81\n");

        var error = Assert.Throws<InvalidDataException>(() => EdgeGroups.Read(path));

        Assert.Equal($"{path}: '{SyntheticRuns.Archs[1]},n/a,81' is not a line of 'arch,supernet_accuracy,ground_truth'", error.Message);
    }

    [Fact]
    public void Run_StoppedInsideTheOneShotStage_ResumesToTheScoresOfAnUnbrokenRun()
    {
        var data = RdNas.Tests.Shared.RealDataFolder.Find();
        Assert.False(string.IsNullOrWhiteSpace(data), "this test reads the real data: set RDNAS_DATA to the shared data folder (CI uses ../shared/data)");
        var resumed = Directory.CreateTempSubdirectory("rdnas-few-shot").FullName;
        var unbroken = Directory.CreateTempSubdirectory("rdnas-few-shot").FullName;

        // One cosine schedule of 3 epochs either way: a screen split after epoch 1 leaves the checkpoint of epoch 1,
        // from which a screen splitting after epoch 2 goes on (its own sub-supernets' scores start afresh).
        FewShotScreen.Run("smoke", oneShotEpochs: 1, subEpochs: 2, edge: 3, seed: 5, sampleSeed: 1, resumed, data);
        File.Delete(Path.Combine(resumed, "subnets.csv"));
        FewShotScreen.Run("smoke", oneShotEpochs: 2, subEpochs: 1, edge: 3, seed: 5, sampleSeed: 1, resumed, data);
        FewShotScreen.Run("smoke", oneShotEpochs: 2, subEpochs: 1, edge: 3, seed: 5, sampleSeed: 1, unbroken, data);

        var scores = File.ReadAllLines(Path.Combine(unbroken, "subnets.csv"));
        Assert.Equal(1 + 10, scores.Length); // the smoke preset's 10 subnets, each scored once by its edge's sub-supernet
        Assert.All(scores.Skip(1), line => Assert.Equal(line.Split(',')[0], Nb201Ops.Name(Nb201Genotype.Parse(line.Split(',')[1])[3])));
        Assert.Equal(scores, File.ReadAllLines(Path.Combine(resumed, "subnets.csv")));
    }
}
