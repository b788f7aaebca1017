using System.Globalization;
using RdNas.Nas.Training;

namespace RdNas.Bench;

/// <summary>
/// What a <c>sweep</c> candidate changes beyond its budget, from its trailing tokens: <c>update-unused</c> steps skipped
/// operations as PyTorch 1's zeroed gradients did (<see cref="TrainingOptions.UpdateUnusedParameters"/>);
/// <c>affine</c> gives the cells' batch norms a learned scale and shift; <c>plain-reductions</c> takes it from the
/// reduction blocks' batch norms (the RD-NAS reference supernet's); <c>lr=X</c> sets the initial learning rate
/// (default 0.025); <c>res=R</c> trains and scores on R×R images (default 32); <c>dropout=P</c> drops pooled features
/// before the classifier while training (the reference code's 0.1; default 0); <c>stop=K</c> stops after epoch K of the
/// schedule, keeping that epoch's checkpoint unevaluated (for <c>rescore</c>: the same trajectory's weights before the
/// end of its cosine schedule).
/// </summary>
internal sealed record SweepVariant(bool UpdateUnusedParameters, bool CellAffine, bool PlainReductions, double LearningRate, int Resolution, double HeadDropout, int? StopAfterEpoch)
{
    public static SweepVariant Parse(IReadOnlyCollection<string> tokens)
    {
        var known = new[] { "update-unused", "affine", "plain-reductions", "lr=", "res=", "dropout=", "stop=" };
        var unknown = tokens.FirstOrDefault(t => !known.Any(k => k.EndsWith('=') ? t.StartsWith(k, StringComparison.Ordinal) : t == k));
        if (unknown is not null)
        {
            throw new ArgumentException($"sweep: unknown token '{unknown}' (expected {string.Join(", ", known.Select(k => k.EndsWith('=') ? k + "VALUE" : k))})");
        }

        return new(
            tokens.Contains("update-unused"),
            tokens.Contains("affine"),
            tokens.Contains("plain-reductions"),
            Value(tokens, "lr=", new TrainingOptions().LearningRate),
            (int)Value(tokens, "res=", 32),
            Value(tokens, "dropout=", 0),
            tokens.Any(t => t.StartsWith("stop=", StringComparison.Ordinal)) ? (int)Value(tokens, "stop=", 0) : null);
    }

    /// <summary>The preset-name suffix that tells candidates apart (empty for the plain budget).</summary>
    public string Suffix => string.Create(CultureInfo.InvariantCulture,
        $"{(UpdateUnusedParameters ? "-unused" : "")}{(CellAffine ? "-affine" : "")}{(PlainReductions ? "-plainred" : "")}{(LearningRate == new TrainingOptions().LearningRate ? "" : $"-lr{LearningRate}")}{(Resolution == 32 ? "" : $"-res{Resolution}")}{(HeadDropout == 0 ? "" : $"-dropout{HeadDropout}")}");

    /// <summary>The variant's settings as the sweep's summary line prints them.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"lr={LearningRate} update_unused={UpdateUnusedParameters} cell_affine={CellAffine} plain_reductions={PlainReductions} resolution={Resolution} head_dropout={HeadDropout}");

    private static double Value(IEnumerable<string> tokens, string prefix, double fallback) =>
        tokens.Where(t => t.StartsWith(prefix, StringComparison.Ordinal))
            .Select(t => double.Parse(t[prefix.Length..], CultureInfo.InvariantCulture))
            .DefaultIfEmpty(fallback)
            .Single();
}
