using RdNas.Nas.Search;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Tests.Search;

public sealed class ScoreJournalTests
{
    private static readonly Nb201Genotype[] s_cells = [.. new Nb201SearchSpace(4).Enumerate().Skip(100).Take(3)];

    [Fact]
    public void Wrap_ReopenedJournal_AnswersScoredCellsWithoutScoringThemAgain()
    {
        var folder = TestData.TempFolder();
        var first = new SearchScores();
        var score = ScoreJournal.Open(folder, "supernet x").Wrap(first.Counting);
        var values = s_cells.Select(c => score(c, CancellationToken.None)).ToList();

        var second = new SearchScores();
        var reopened = ScoreJournal.Open(folder, "supernet x");
        var again = reopened.Wrap(second.Counting);

        Assert.Equal(3, first.Calls);
        Assert.Equal(3, reopened.Recovered);
        Assert.Equal(values, s_cells.Select(c => again(c, CancellationToken.None)));
        Assert.Equal(0, second.Calls);
    }

    [Fact]
    public void Wrap_ScoresRoundTripExactly_NaNAndInfinitiesIncluded()
    {
        var folder = TestData.TempFolder();
        double[] values = [0.1 + 0.2, double.NaN, double.NegativeInfinity];
        var score = ScoreJournal.Open(folder, "proxy p").Wrap((g, _) => values[Array.IndexOf(s_cells, g)]);
        foreach (var cell in s_cells)
        {
            score(cell, CancellationToken.None);
        }

        var again = ScoreJournal.Open(folder, "proxy p").Wrap((_, _) => throw new InvalidOperationException("scored again"));

        Assert.Equal(values, s_cells.Select(c => again(c, CancellationToken.None)));
    }

    [Fact]
    public void Open_JournalOfAnotherScorer_IsAnErrorNamingBoth()
    {
        var folder = TestData.TempFolder();
        ScoreJournal.Open(folder, "supernet a");

        var error = Assert.Throws<InvalidDataException>(() => ScoreJournal.Open(folder, "supernet b"));

        Assert.Contains("supernet a", error.Message, StringComparison.Ordinal);
        Assert.Contains("supernet b", error.Message, StringComparison.Ordinal);
        Assert.Contains(ScoreJournal.FileName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_RowCutShort_IsDroppedAndTheFileRepaired()
    {
        var folder = TestData.TempFolder();
        var path = Path.Combine(folder, ScoreJournal.FileName);
        File.WriteAllText(path, $"# scorer: s\narch,score\n{s_cells[0]},1.5\n{s_cells[1]},2");

        var journal = ScoreJournal.Open(folder, "s");
        var scores = new SearchScores();
        var score = journal.Wrap(scores.Counting);
        score(s_cells[1], CancellationToken.None);

        Assert.Equal(1, journal.Recovered);
        Assert.Equal(1, scores.Calls);
        Assert.Equal($"# scorer: s\narch,score\n{s_cells[0]},1.5\n{s_cells[1]},{SearchScores.Matches(s_cells[1]):R}\n", File.ReadAllText(path));
    }

    [Fact]
    public void Open_MalformedRow_NamesTheLine()
    {
        var folder = TestData.TempFolder();
        File.WriteAllText(Path.Combine(folder, ScoreJournal.FileName), $"# scorer: s\narch,score\n{s_cells[0]},1.5\n{s_cells[1]};2\n");

        var error = Assert.Throws<InvalidDataException>(() => ScoreJournal.Open(folder, "s"));

        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_HeaderMissing_NamesTheLine()
    {
        var folder = TestData.TempFolder();
        File.WriteAllText(Path.Combine(folder, ScoreJournal.FileName), $"# scorer: s\n{s_cells[0]},1.5\n");

        var error = Assert.Throws<InvalidDataException>(() => ScoreJournal.Open(folder, "s"));

        Assert.Contains("line 2 should be 'arch,score'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ScorerOfTwoLines_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => ScoreJournal.Open(TestData.TempFolder(), "supernet\nx"));

        Assert.Contains("the scorer description must be one line", error.Message, StringComparison.Ordinal);
    }
}
