using RdNas.Nas.Data;

namespace RdNas.Nas.Tests.Data;

public sealed class KeyedScoreJournalTests
{
    [Fact]
    public void Reopened_WithTheSameSignature_HoldsEveryRecordExactly()
    {
        var path = Path.Combine(TestData.TempFolder(), "scores.partial");
        using (var journal = new KeyedScoreJournal(path, "# v1; seed=3", width: 2))
        {
            journal.Record("|nor_conv_3x3~0|", [93.25, 0.1 + 0.2]);
            journal.Record("|skip_connect~0|", [-1e-300, double.MaxValue]);
        }

        using var reopened = new KeyedScoreJournal(path, "# v1; seed=3", width: 2);

        Assert.Equal(2, reopened.Count);
        Assert.Equal([93.25, 0.1 + 0.2], reopened.Find("|nor_conv_3x3~0|")!);
        Assert.Equal([-1e-300, double.MaxValue], reopened.Find("|skip_connect~0|")!);
        Assert.Null(reopened.Find("|avg_pool_3x3~0|")!);
    }

    [Fact]
    public void Reopened_WithAnotherSignature_StartsEmptyAndForgetsTheOldRecords()
    {
        var path = Path.Combine(TestData.TempFolder(), "scores.partial");
        using (var journal = new KeyedScoreJournal(path, "# weights=aaa", width: 1))
        {
            journal.Record("a", [1]);
        }

        using (var other = new KeyedScoreJournal(path, "# weights=bbb", width: 1))
        {
            Assert.Equal(0, other.Count);
            other.Record("b", [2]);
        }

        Assert.Equal(["# weights=bbb", "b,2"], File.ReadAllLines(path));
        Assert.Equal((byte)'#', File.ReadAllBytes(path)[0]); // no byte-order mark before the signature
    }

    [Fact]
    public void Reopened_AfterARecordWasCutShort_DropsItAndStartsTheNextOnItsOwnLine()
    {
        var path = Path.Combine(TestData.TempFolder(), "scores.partial");
        File.WriteAllText(path, "# sig\na,1.5\nb,2.2"); // a crash while "b,2.25\n" was being written

        using (var journal = new KeyedScoreJournal(path, "# sig", width: 1))
        {
            Assert.Equal(1, journal.Count);
            Assert.Null(journal.Find("b")!);
            journal.Record("b", [2.25]);
        }

        using var reopened = new KeyedScoreJournal(path, "# sig", width: 1);
        Assert.Equal([2.25], reopened.Find("b")!);
        Assert.Equal([1.5], reopened.Find("a")!);
    }

    [Fact]
    public void Complete_DeletesTheFile()
    {
        var path = Path.Combine(TestData.TempFolder(), "scores.partial");
        var journal = new KeyedScoreJournal(path, "# sig", width: 1);
        journal.Record("a", [1]);

        journal.Complete();

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Record_KeyWithACommaOrScoresOfAnotherWidth_IsRefusedAndNothingIsWritten()
    {
        var path = Path.Combine(TestData.TempFolder(), "scores.partial");
        using var journal = new KeyedScoreJournal(path, "# sig", width: 2);

        var comma = Assert.Throws<ArgumentException>(() => journal.Record("a,b", [1, 2]));
        var width = Assert.Throws<ArgumentException>(() => journal.Record("a", [1]));

        Assert.Contains("cannot hold a comma", comma.Message, StringComparison.Ordinal);
        Assert.Contains("holds 2 scores a key, not 1", width.Message, StringComparison.Ordinal);
        Assert.Equal(0, journal.Count);
    }

    [Fact]
    public void Open_SignatureOfTwoLines_IsRefused()
    {
        var path = Path.Combine(TestData.TempFolder(), "scores.partial");

        var error = Assert.Throws<ArgumentException>(() => new KeyedScoreJournal(path, "# a\n# b", width: 1));

        Assert.Contains("must be one line", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
