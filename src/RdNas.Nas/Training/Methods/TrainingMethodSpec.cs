using System.Text.Json.Serialization;
using RdNas.Nas.Proxies;
using RdNas.Nas.Sampling;

namespace RdNas.Nas.Training.Methods;

/// <summary>
/// How a run trains, as the CLI and result.json spell it: the sampler (<c>spos</c>, <c>fairnas</c>, <c>sandwich</c>,
/// <c>rdnas</c>) and, for RD-NAS, the pair sampler, its threshold, the teacher, the ranking loss's margin (none: the
/// reference code's loss) and the λ schedule.
/// </summary>
public sealed record TrainingMethodSpec(
    [property: JsonPropertyName("sampler")] string Sampler = "spos",
    [property: JsonPropertyName("pair_sampler")] string PairSampler = "margin",
    [property: JsonPropertyName("pair_threshold")] double? PairThreshold = null,
    [property: JsonPropertyName("teacher")] string Teacher = "flops",
    [property: JsonPropertyName("margin")] double? Margin = null,
    [property: JsonPropertyName("lambda")] string Lambda = "sine")
{
    /// <summary>The samplers a run can train with.</summary>
    public static IReadOnlyList<string> Samplers { get; } = ["spos", "fairnas", "sandwich", "rdnas"];

    /// <summary>The pair samplers of RD-NAS.</summary>
    public static IReadOnlyList<string> PairSamplers { get; } = ["margin", "hamming", "random"];

    /// <summary>Whether the run distils a teacher's ranking.</summary>
    [JsonIgnore]
    public bool IsRdNas => Sampler == "rdnas";

    /// <summary>
    /// A short name for tables: the sampler, and for RD-NAS its teacher, pair sampler and λ schedule, then the pair
    /// threshold and the paper's margin where they are not the defaults (<c>rdnas flops/margin/sine</c>,
    /// <c>rdnas nwot/hamming≥5/warmup/m=0.1</c>).
    /// </summary>
    [JsonIgnore]
    public string Label => !IsRdNas
        ? Sampler
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"rdnas {Teacher}/{PairSampler}{(PairThreshold is { } t ? $"≥{t}" : "")}/{Lambda}{(Margin is { } m ? $"/m={m}" : "")}");

    /// <summary>
    /// <see cref="Label"/> and what else makes runs differ beyond their seeds: dropout before the supernet's classifier
    /// (<paramref name="headDropout"/>, 0 for none) and weight averaging after epoch <paramref name="averageWeightsAfter"/>
    /// (null: the last weights), which changes the evaluated weights, not the training (<c>spos +dropout 0.1 +swa after 50</c>).
    /// </summary>
    public string ConfigurationLabel(int? averageWeightsAfter, double headDropout = 0) =>
        Label
        + (headDropout > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" +dropout {headDropout}") : "")
        + (averageWeightsAfter is { } after ? $" +swa after {after}" : "");

    /// <summary>Checks every field; the error names the option and the allowed values.</summary>
    public TrainingMethodSpec Validate()
    {
        if (!Samplers.Contains(Sampler))
        {
            throw new ArgumentException($"--sampler: unknown sampler '{Sampler}' (expected {string.Join(", ", Samplers)})");
        }

        if (!PairSamplers.Contains(PairSampler))
        {
            throw new ArgumentException($"--pair-sampler: unknown pair sampler '{PairSampler}' (expected {string.Join(", ", PairSamplers)})");
        }

        try
        {
            _ = ProxyColumn.Parse(Teacher);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"--teacher: {UserMessage.Of(e)}", e);
        }

        _ = LambdaSchedule.Parse(Lambda);
        _ = RankingLoss();
        _ = Pairs(new SearchSpaces.Nb201.Nb201SearchSpace(4)); // both spaces share the distances' ranges
        return this;
    }

    /// <summary>The ranking loss: the reference code's without a margin, the paper's with one.</summary>
    public PairwiseRankingLoss RankingLoss() =>
        Margin is { } m ? Wrap("--margin", () => PairwiseRankingLoss.Paper(m)) : PairwiseRankingLoss.Reference;

    private static T Wrap<T>(string option, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException($"{option}: {UserMessage.Of(e)}", e);
        }
    }

    /// <summary>The pair sampler over <paramref name="space"/>.</summary>
    public IPairSampler Pairs(SearchSpaces.Nb201.Nb201SearchSpace space) => PairSampler switch
    {
        "margin" => Wrap("--pair-threshold", () => DistancePairSampler.Margin(space, PairThreshold ?? DistancePairSampler.DefaultMargin)),
        "hamming" => Wrap("--pair-threshold", () => DistancePairSampler.Hamming(space, PairThreshold ?? DistancePairSampler.DefaultHamming)),
        _ => DistancePairSampler.Random(space),
    };
}
