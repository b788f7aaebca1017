using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.Runs;

namespace RdNas.Nas.Tests.Runs;

public sealed class TrainingHistoryTests
{
    [Fact]
    public void Add_OutOfOrderAndAnEpochAgain_KeepsOneEntryPerEpochByEpochAndReadsBackFromTheFile()
    {
        var folder = TestData.TempFolder();
        var history = TrainingHistory.Open(folder);

        history.Add(Entry(38, 0.5));
        history.Add(Entry(19, 0.3));
        history.Add(Entry(38, 0.6)); // a run stopped after its evaluation but before its checkpoint evaluates the epoch again

        var reopened = TrainingHistory.Open(folder);
        Assert.Equal([(19, 0.3), (38, 0.6)], reopened.Entries.Select(e => (e.Epoch, e.Ranking.KendallTau)));
        Assert.Equal(history.Entries, reopened.Entries);
    }

    [Fact]
    public void Open_NewRunFolder_IsEmptyAndWritesNothing()
    {
        var folder = TestData.TempFolder();

        var history = TrainingHistory.Open(folder);

        Assert.Empty(history.Entries);
        Assert.False(File.Exists(Path.Combine(folder, TrainingHistory.FileName)));
    }

    private static HistoryEntry Entry(int epoch, double tau) => new(epoch, 50, 2_000, new RankingReport(tau, tau, tau, tau, tau));
}
