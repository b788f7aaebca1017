using System.Text.Json.Serialization;
using RdNas.Nas.Evaluation.Metrics;

namespace RdNas.Nas.Runs;

/// <summary>The supernet's ranking after <see cref="Epoch"/> epochs, on the first <see cref="Subnets"/> subnets of the sample.</summary>
public sealed record HistoryEntry(
    [property: JsonPropertyName("epoch")] int Epoch,
    [property: JsonPropertyName("subnets")] int Subnets,
    [property: JsonPropertyName("valid_images")] int ValidImages,
    [property: JsonPropertyName("ranking")] RankingReport Ranking) : IEpochEntry;
