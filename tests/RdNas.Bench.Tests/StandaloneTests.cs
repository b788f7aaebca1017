namespace RdNas.Bench.Tests;

public sealed class StandaloneTests
{
    [Fact]
    public void Measure_StandaloneInTruthOrderRunReversed_TausAndOpCorrelationsSideBySide()
    {
        var cells = SyntheticRuns.Archs.Select((arch, i) => new StandaloneCell(arch, Accuracy: 50 + i, GroundTruth: i + 1)).ToList();
        var reversed = SyntheticRuns.Run("reversed", [6, 5, 4, 3, 2, 1], order: [5, 4, 3, 2, 1, 0]); // listed in another order: aligned by arch

        var comparison = StandaloneComparison.Measure(cells, [reversed]);

        Assert.Equal(1, comparison.StandaloneTau, 12);
        Assert.Equal(1, comparison.StandaloneRho, 12);
        var run = Assert.Single(comparison.Runs);
        Assert.Equal(-1, run.TauWithTruth, 12);
        Assert.Equal(-1, run.TauWithStandalone, 12);
        var conv3x3 = comparison.Operations.Single(o => o.Op == Nas.SearchSpaces.Nb201.Nb201Op.NorConv3x3);
        Assert.Equal(conv3x3.GroundTruth, conv3x3.Standalone, 12); // stand-alone accuracy is the truth shifted
        Assert.Equal(-conv3x3.GroundTruth, conv3x3.SupernetMean!.Value, 12); // the run's is its mirror
    }

    [Fact]
    public void Measure_RunThatDidNotScoreACell_NamesRunAndCell()
    {
        var cells = SyntheticRuns.Archs.Select((arch, i) => new StandaloneCell(arch, 50 + i, i + 1)).ToList();
        var full = SyntheticRuns.Run("partial", [1, 2, 3, 4, 5, 6]);
        var partial = full with { Subnets = [.. full.Subnets.Skip(1)] };

        var error = Assert.Throws<ArgumentException>(() => StandaloneComparison.Measure(cells, [partial]));

        Assert.Equal($"standalone-compare: run {Path.Combine("runs", "partial")} did not score {SyntheticRuns.Archs[0]}", error.Message);
    }

    [Fact]
    public void Measure_FewerThanThreeCells_SaysHowManyItHas()
    {
        var cells = SyntheticRuns.Archs.Take(2).Select((arch, i) => new StandaloneCell(arch, 50 + i, i + 1)).ToList();

        var error = Assert.Throws<ArgumentException>(() => StandaloneComparison.Measure(cells, []));

        Assert.Equal("standalone-compare: 2 stand-alone cells; at least 3 are needed", error.Message);
    }

    [Fact]
    public void Read_MissingFileIsEmptyAndAMalformedLineNamesFileAndLine()
    {
        var folder = Directory.CreateTempSubdirectory("rdnas-standalone").FullName;
        var good = Path.Combine(folder, "part0.csv");
        var bad = Path.Combine(folder, "part1.csv");
        File.WriteAllText(good, $"{StandaloneTraining.Header}\n3,{SyntheticRuns.Archs[0]},61.5,1.1,81.02,0.7,300,4\n");
        File.WriteAllText(bad, $"{StandaloneTraining.Header}\n4,{SyntheticRuns.Archs[1]},62\n");

        var cell = Assert.Single(StandaloneCell.Read([good, Path.Combine(folder, "not-yet.csv")]));
        var error = Assert.Throws<InvalidDataException>(() => StandaloneCell.Read([good, bad]));

        Assert.Equal(new StandaloneCell(SyntheticRuns.Archs[0], 61.5, 81.02), cell);
        Assert.Equal($"{bad}: '4,{SyntheticRuns.Archs[1]},62' is not a line of {StandaloneTraining.Header}", error.Message);
    }

    [Theory]
    [InlineData(0, 2, 0)]
    [InlineData(20, 0, 0)]
    [InlineData(20, 2, 2)]
    public void Run_BadEpochsStrideOrOffset_RefusedBeforeReadingData(int epochs, int stride, int offset)
    {
        var error = Assert.Throws<ArgumentException>(() => StandaloneTraining.Run("medium", epochs, stride, offset, "unused.csv"));

        Assert.Equal($"standalone: epochs ({epochs}) and stride ({stride}) must be positive and offset ({offset}) in [0, stride)", error.Message);
        Assert.False(File.Exists("unused.csv"));
    }
}
