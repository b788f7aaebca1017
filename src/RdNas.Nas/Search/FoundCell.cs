using System.Text.Json.Serialization;

namespace RdNas.Nas.Search;

/// <summary>A cell a search report names, with its benchmark accuracies.</summary>
/// <param name="Arch">The arch string.</param>
/// <param name="Score">What the search scored it; null for the space's best cell, which need not have been scored.</param>
/// <param name="Selection">Its ground truth in the column the search is judged by (<c>cifar10_valid</c>).</param>
/// <param name="Test">Its ground truth in the held-out column (<c>cifar10_test</c>); null if the table has none.</param>
public sealed record FoundCell(
    string Arch,
    [property: JsonPropertyName("score")] double? Score,
    [property: JsonPropertyName("selection_accuracy")] double Selection,
    [property: JsonPropertyName("test_accuracy")] double? Test);
