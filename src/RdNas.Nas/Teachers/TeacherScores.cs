using System.Globalization;
using RdNas.Nas.Data;
using RdNas.Nas.Proxies;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;

namespace RdNas.Nas.Teachers;

/// <summary>
/// A teacher for ranking distillation: one proxy's (or ensemble's) score for every cell of a search space, scored on
/// the benchmark network with a seed. Computed once and cached on disk, keyed by space, proxy and seed, so a second
/// run reads it back instead of scoring thousands of cells again.
/// </summary>
public sealed class TeacherScores
{
    private readonly Dictionary<Nb201Genotype, double> _scores;

    private TeacherScores(string proxy, Dictionary<Nb201Genotype, double> scores)
    {
        Proxy = proxy;
        _scores = scores;
    }

    /// <summary>The teacher's name (a proxy or an <c>ensemble:</c> column).</summary>
    public string Proxy { get; }

    /// <summary>How many cells the teacher scores.</summary>
    public int Count => _scores.Count;

    /// <summary>The teacher's score of <paramref name="genotype"/>; higher means predicted better.</summary>
    public double this[Nb201Genotype genotype] =>
        _scores.TryGetValue(genotype, out var score) ? score : throw new KeyNotFoundException($"the {Proxy} teacher has no score for {genotype}");

    /// <summary>A teacher from given scores (tests, or scores computed elsewhere).</summary>
    public static TeacherScores FromScores(string proxy, IReadOnlyDictionary<Nb201Genotype, double> scores)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(proxy);
        ArgumentNullException.ThrowIfNull(scores);
        return new TeacherScores(proxy, new Dictionary<Nb201Genotype, double>(scores));
    }

    /// <summary>The cache file of a teacher: <c>nb201-4op-synflow-seed0.csv</c> (ensembles: <c>+</c> and <c>:</c> become <c>_</c>).</summary>
    public static string CacheFileName(ProxyColumn teacher, Nb201SearchSpace space, long seed)
    {
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(space);
        var name = teacher.Name.Replace(':', '_').Replace('+', '_');
        return string.Create(CultureInfo.InvariantCulture, $"nb201-{space.Ops.Count}op-{name}-seed{seed}.csv");
    }

    /// <summary>The teacher's cached scores over <paramref name="space"/>; null when no complete cache file is there.</summary>
    public static TeacherScores? TryLoadCached(ProxyColumn teacher, Nb201SearchSpace space, long seed, string cacheDirectory)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(cacheDirectory);
        var path = Path.Combine(cacheDirectory, CacheFileName(teacher, space, seed));
        if (!File.Exists(path))
        {
            return null;
        }

        var (cells, columns) = ProxyScoresCsv.Read(path);
        return cells.Count == space.Size && columns.TryGetValue(teacher.Name, out var cached)
            ? new TeacherScores(teacher.Name, cells.Select((c, i) => (c, cached[i])).ToDictionary(x => x.c, x => x.Item2))
            : null;
    }

    /// <summary>
    /// The teacher's scores over <paramref name="space"/>: read from <paramref name="cacheDirectory"/> when a complete
    /// cache file is there, otherwise scored (on <paramref name="workers"/> threads, real images from
    /// <paramref name="images"/> when a member needs data) and written to the cache.
    /// </summary>
    public static TeacherScores LoadOrCompute(
        ProxyColumn teacher,
        Nb201SearchSpace space,
        long seed,
        string cacheDirectory,
        Func<Cifar10Images> images,
        int workers,
        Action? cellDone = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (TryLoadCached(teacher, space, seed, cacheDirectory) is { } cached)
        {
            return cached;
        }

        var path = Path.Combine(cacheDirectory, CacheFileName(teacher, space, seed));
        var all = space.Enumerate().ToList();
        ProxyBatch? batch = null;
        if (teacher.NeedsData)
        {
            batch = ProxyBatch.FromTrainHalf(images(), seed);
        }

        using (batch)
        {
            // The journal (PATH.partial) keeps the cells scored so far: a run stopped while its teacher is scored
            // continues where it was, instead of scoring thousands of cells again.
            Directory.CreateDirectory(cacheDirectory);
            var scorer = new ProxyScorer(Nb201SupernetOptions.Benchmark, seed, batch);
            using var journal = ProxyTable.OpenJournal(path, scorer, [teacher]);
            var table = ProxyTable.Score(scorer, [teacher], all, workers, cellDone, journal, cancellationToken);
            ProxyScoresCsv.Write(path, table);
            journal.Complete();
            return new TeacherScores(teacher.Name, all.Select((c, i) => (c, table[i, 0])).ToDictionary(x => x.c, x => x.Item2));
        }
    }
}
