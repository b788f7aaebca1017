using System.Text.Json;
using RdNas.Nas.Search;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Tests.Search;

public sealed class JournalledSearchTests
{
    private static readonly Nb201SearchSpace s_space = new(4);

    [Fact]
    public void Run_ThenRunAgainInTheSameFolder_WritesTheResultAndTakesEveryScoreFromTheJournal()
    {
        var table = SyntheticGroundTruth.FourOpSpace();
        var output = TestData.TempFolder();
        var scores = new SearchScores();
        var progress = new List<int>();

        var first = JournalledSearch.Open(output, SearchStrategies.Create("evolution", s_space, 40, seed: 3, populationSize: 5, tournamentSize: 2), scores.Counting, "synthetic matches", s_space)
            .Run(table, "cifar10_valid", new Recorder(progress), CancellationToken.None);
        var again = JournalledSearch.Open(output, SearchStrategies.Create("evolution", s_space, 40, seed: 3, populationSize: 5, tournamentSize: 2), scores.Counting, "synthetic matches", s_space);
        var second = again.Run(table, "cifar10_valid", null, CancellationToken.None);

        Assert.Equal(40, scores.Calls); // the second run scored nothing
        Assert.Equal(Enumerable.Range(1, 40), progress);
        Assert.Equal((40, 0), (first.Evaluations, first.ScoresRecovered));
        Assert.Equal((40, 40), (again.Recovered, second.ScoresRecovered));
        Assert.Equal(first.Best, second.Best);
        Assert.Equal(("nb201-4op", "evolution", "synthetic matches", 40, 5, 2, 3L), (first.Space, first.Strategy, first.Scorer, first.Budget, first.Population, first.Tournament, first.Seed));
        Assert.Equal("cifar10_test", first.TestColumn);
        using var written = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, SearchResultWriter.ResultFile)));
        Assert.Equal(first.Best.Arch, written.RootElement.GetProperty("best").GetProperty("arch").GetString());
        Assert.Equal(41, File.ReadAllLines(Path.Combine(output, SearchResultWriter.TraceFile)).Length);
    }

    [Fact]
    public void Run_UnknownSelectionColumn_FailsBeforeScoringAnything()
    {
        var scores = new SearchScores();
        var search = JournalledSearch.Open(TestData.TempFolder(), SearchStrategies.Create("random", s_space, 5, seed: 0), scores.Counting, "synthetic matches", s_space);

        Assert.ThrowsAny<ArgumentException>(() => search.Run(SyntheticGroundTruth.FourOpSpace(), "cifar10_vaild", null, CancellationToken.None));
        Assert.Equal(0, scores.Calls);
    }

    [Theory]
    [InlineData("Evolution", typeof(RegularizedEvolution))]
    [InlineData("RANDOM", typeof(RandomSearch))]
    public void Create_NameInAnyCase_GivesThatStrategy(string name, Type expected)
    {
        var search = SearchStrategies.Create(name, s_space, 20, seed: 7);

        Assert.IsType(expected, search);
        Assert.Equal((20, 7L), (search.Budget, search.Seed));
    }

    [Fact]
    public void Create_UnknownName_NamesItAndTheStrategies()
    {
        var error = Assert.Throws<ArgumentException>(() => SearchStrategies.Create("annealing", s_space, 20, seed: 0));

        Assert.StartsWith("unknown search strategy 'annealing' (expected evolution or random)", error.Message, StringComparison.Ordinal);
        Assert.Equal("name", error.ParamName);
    }

    private sealed class Recorder(List<int> values) : IProgress<int>
    {
        public void Report(int value) => values.Add(value);
    }
}
