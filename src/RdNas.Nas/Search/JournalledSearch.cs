using System.Diagnostics;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Search;

/// <summary>
/// One search into an output folder, as <c>rdnas search</c> and an experiment's search both run it: every score goes
/// to the folder's <see cref="ScoreJournal"/> as it is paid for (a rerun resumes from it), the answer is judged by the
/// benchmark, and <c>search.json</c> and <c>search_trace.csv</c> are written beside the journal.
/// </summary>
public sealed class JournalledSearch
{
    private readonly IArchitectureSearch _search;
    private readonly ArchitectureScore _score;
    private readonly Nb201SearchSpace _space;
    private readonly ScoreJournal _journal;
    private readonly string _scorer;

    private JournalledSearch(string output, IArchitectureSearch search, ArchitectureScore score, string scorer, Nb201SearchSpace space)
    {
        Output = output;
        _search = search;
        _score = score;
        _scorer = scorer;
        _space = space;
        _journal = ScoreJournal.Open(output, scorer);
    }

    /// <summary>The folder the journal and result files live in.</summary>
    public string Output { get; }

    /// <summary>Scores the journal held from an earlier run of this search.</summary>
    public int Recovered => _journal.Recovered;

    /// <summary>
    /// Opens <paramref name="search"/> over <paramref name="space"/> with <paramref name="score"/>, described by the one
    /// line <paramref name="scorer"/>; a journal in <paramref name="output"/> kept for another scorer is an error naming
    /// both.
    /// </summary>
    public static JournalledSearch Open(string output, IArchitectureSearch search, ArchitectureScore score, string scorer, Nb201SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(space);
        return new JournalledSearch(output, search, score, scorer, space);
    }

    /// <summary>
    /// Runs the search on the calling thread, judges its answer by <paramref name="selectionColumn"/> of
    /// <paramref name="groundTruth"/> (and its <c>_test</c> twin when the table has one) and writes the result files.
    /// </summary>
    public SearchResult Run(Nb201GroundTruth groundTruth, string selectionColumn, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(groundTruth);
        groundTruth.RequireColumn(selectionColumn);
        var testTwin = selectionColumn.EndsWith("_valid", StringComparison.Ordinal) ? selectionColumn[..^"_valid".Length] + "_test" : null;
        var watch = Stopwatch.StartNew();
        var trace = _search.Run(_journal.Wrap(_score), progress, cancellationToken);
        var report = SearchReport.Compute(trace, _space, groundTruth, selectionColumn, testTwin);
        var evolution = _search as RegularizedEvolution;
        var result = new SearchResult(
            $"nb201-{_space.Ops.Count}op", _search.Name, _scorer, _search.Budget, evolution?.PopulationSize, evolution?.TournamentSize, _search.Seed,
            trace.Evaluations.Count, trace.Cycles, Recovered, watch.Elapsed.TotalSeconds, selectionColumn, report.TestColumn, report.Best,
            report.SpaceBest, report.SelectionRank, report.SpaceSize, report.TestRegret, report.ScoredRanking, DateTimeOffset.UtcNow);
        SearchResultWriter.Write(Output, result, trace, groundTruth);
        return result;
    }
}
