using System.Text.Json.Serialization;

namespace RdNas.Nas.Evaluation;

/// <summary>Which statistics a subnet's batch norms normalise with while it is scored.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BatchNormStatistics>))]
public enum BatchNormStatistics
{
    /// <summary>
    /// Running statistics re-estimated for the subnet on train batches, then fixed while the valid images are scored
    /// (the method notes' §5, and the reference code's <c>get_subnet_error</c>).
    /// </summary>
    [JsonStringEnumMemberName("recalibrated")]
    Recalibrated,

    /// <summary>
    /// Each scoring batch of valid images normalised by its own statistics, with no recalibration: the RD-NAS
    /// reference code's ranking evaluation (<c>metric_score</c>, which scores with the supernet left in training mode).
    /// Scores then depend on the scoring batch size.
    /// </summary>
    [JsonStringEnumMemberName("valid_batch")]
    ValidBatch,
}
