namespace RdNas.Abstractions.Experiments;

/// <summary>A finished experiment's output: its ranking, and the files a local run writes, byte for byte.</summary>
/// <param name="Ranking">The final ranking metrics.</param>
/// <param name="ResultJson">The content of <c>result.json</c> (every hyperparameter, seed, timing and history entry).</param>
/// <param name="SubnetsCsv">The content of <c>subnets.csv</c> (arch, supernet accuracy, ground truth, supernet valid loss).</param>
/// <param name="SearchJson">With a search: the content of <c>search.json</c> (the cell found and how the benchmark judges it).</param>
/// <param name="SearchTraceCsv">With a search: the content of <c>search_trace.csv</c> (every scored cell in order).</param>
/// <param name="SearchedCells">With a search: the cells it scored (0 in results stored before this was recorded).</param>
[GenerateSerializer, Immutable, Alias("RdNas.ExperimentResult")]
public sealed record ExperimentResult(
    [property: Id(0)] ExperimentRanking Ranking,
    [property: Id(1)] string ResultJson,
    [property: Id(2)] string SubnetsCsv,
    [property: Id(3)] string? SearchJson = null,
    [property: Id(4)] string? SearchTraceCsv = null,
    [property: Id(5)] int SearchedCells = 0);
