using System.Text.Json.Serialization;

namespace RdNas.Nas.Evaluation;

/// <summary>
/// How subnets are scored: a seeded sample of <paramref name="Subnets"/> cells of the 4-op space, each with its BN
/// statistics recalibrated on <paramref name="RecalibrationBatches"/> train batches (or, with
/// <paramref name="BatchNorm"/> = <see cref="BatchNormStatistics.ValidBatch"/>, taken from each scoring batch), then
/// top-1 on <paramref name="ValidImages"/> images of the valid half.
/// </summary>
/// <param name="Subnets">Subnets drawn for ranking (200 in RD-NAS).</param>
/// <param name="SampleSeed">Seed of the subnet sample; fixed across runs so runs compare on the same subnets.</param>
/// <param name="RecalibrationBatches">Train batches used to re-estimate BN statistics per subnet.</param>
/// <param name="RecalibrationBatchSize">Images per recalibration batch.</param>
/// <param name="ValidImages">Valid-half images scored per subnet; null for all of them.</param>
/// <param name="BatchSize">Images per scoring batch.</param>
/// <param name="BatchNorm">Which statistics the batch norms use while a subnet is scored.</param>
/// <param name="FineTuning">SGD steps of each subnet alone before it is recalibrated and scored; null for none (the protocol's).</param>
public sealed record EvaluationOptions(
    int Subnets = 200,
    long SampleSeed = 0,
    int RecalibrationBatches = 200,
    int RecalibrationBatchSize = 64,
    int? ValidImages = null,
    int BatchSize = 500,
    BatchNormStatistics BatchNorm = BatchNormStatistics.Recalibrated,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SubnetFineTuningOptions? FineTuning = null)
{
    /// <summary>The RD-NAS reference code's scoring batch (its loader's), which valid-batch statistics depend on.</summary>
    public const int ReferenceValidBatchSize = 64;

    /// <summary>
    /// These options with the named batch-norm statistics: <c>recalibrated</c>, or <c>valid-batch</c> (the reference
    /// code's ranking evaluation, so also its scoring batches of <see cref="ReferenceValidBatchSize"/> images).
    /// </summary>
    public EvaluationOptions WithBatchNorm(string name) => name switch
    {
        "recalibrated" => this with { BatchNorm = BatchNormStatistics.Recalibrated },
        "valid-batch" => this with { BatchNorm = BatchNormStatistics.ValidBatch, BatchSize = ReferenceValidBatchSize },
        _ => throw new ArgumentException($"unknown batch-norm statistics '{name}' (expected recalibrated or valid-batch)", nameof(name)),
    };

    /// <summary>Checks every field; the error names the field.</summary>
    public EvaluationOptions Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Subnets, 2, nameof(Subnets));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RecalibrationBatches, nameof(RecalibrationBatches));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RecalibrationBatchSize, nameof(RecalibrationBatchSize));
        if (ValidImages is { } images)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(images, nameof(ValidImages));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
        if (!Enum.IsDefined(BatchNorm))
        {
            throw new ArgumentOutOfRangeException(nameof(BatchNorm), BatchNorm, "unknown batch-norm statistics");
        }

        FineTuning?.Validate();

        return this;
    }
}
