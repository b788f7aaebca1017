using RdNas.Nas.Proxies;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;
using RdNas.Nas.Teachers;

namespace RdNas.Nas.Tests.Teachers;

public sealed class TeacherScoresTests
{
    [Fact]
    public void LoadOrCompute_StoppedScoring_ContinuesFromItsJournalThenCachesAndDeletesIt()
    {
        var cache = TestData.TempFolder();
        var space = new Nb201SearchSpace(4);
        var flops = ProxyColumn.Parse("flops");
        var path = Path.Combine(cache, TeacherScores.CacheFileName(flops, space, seed: 0));
        var journaled = space.Enumerate().Take(2).ToList();
        using (var stopped = ProxyTable.OpenJournal(path, new ProxyScorer(Nb201SupernetOptions.Benchmark, 0), [flops]))
        {
            stopped.Record(journaled[0].ToString(), [-1]); // marked: a re-score would give the cell's real FLOPs
            stopped.Record(journaled[1].ToString(), [-2]);
        }

        var done = 0;
        var teacher = TeacherScores.LoadOrCompute(flops, space, 0, cache, () => throw new InvalidOperationException("FLOPs needs no images"), workers: 2,
            () => Interlocked.Increment(ref done), TestContext.Current.CancellationToken);

        Assert.Equal(-1, teacher[journaled[0]]);
        Assert.Equal(-2, teacher[journaled[1]]);
        var other = space.Enumerate().Last();
        Assert.Equal(new ProxyScorer(Nb201SupernetOptions.Benchmark, 0).Score(ProxyRegistry.Get("flops"), other), teacher[other]);
        Assert.Equal(space.Size, done); // journaled cells count as done: progress ends at the total
        Assert.False(File.Exists(path + ".partial"), "the journal is deleted once the cache file is written");
        Assert.Equal(-1, TeacherScores.TryLoadCached(flops, space, 0, cache)![journaled[0]]);
    }
}
