using System.Text.Json.Serialization;
using RdNas.Nas.Evaluation.Metrics;

namespace RdNas.Nas.Search;

/// <summary>What <c>search.json</c> holds: the search's settings, what it returned and how the benchmark judges it.</summary>
public sealed record SearchResult(
    [property: JsonPropertyName("space")] string Space,
    [property: JsonPropertyName("strategy")] string Strategy,
    [property: JsonPropertyName("scorer")] string Scorer,
    [property: JsonPropertyName("budget")] int Budget,
    [property: JsonPropertyName("population")] int? Population,
    [property: JsonPropertyName("tournament")] int? Tournament,
    [property: JsonPropertyName("seed")] long Seed,
    [property: JsonPropertyName("evaluations")] int Evaluations,
    [property: JsonPropertyName("cycles")] int Cycles,
    [property: JsonPropertyName("scores_recovered")] int ScoresRecovered,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("selection_column")] string SelectionColumn,
    [property: JsonPropertyName("test_column")] string? TestColumn,
    [property: JsonPropertyName("best")] FoundCell Best,
    [property: JsonPropertyName("space_best")] FoundCell SpaceBest,
    [property: JsonPropertyName("selection_rank")] int SelectionRank,
    [property: JsonPropertyName("space_size")] int SpaceSize,
    [property: JsonPropertyName("test_regret")] double? TestRegret,
    [property: JsonPropertyName("scored_ranking")] RankingReport? ScoredRanking,
    [property: JsonPropertyName("finished_utc")] DateTimeOffset FinishedUtc);
