using RdNas.Nas.Modules;
using static TorchSharp.torch;

namespace RdNas.Nas.Proxies;

/// <summary>
/// EPE-NAS (Lopes et al., ICANN 2021): the input Jacobian J of jacov, split by class; for each class c with images
/// n_c, s_c = Σ log(|corrcoef(J_c)| + k), k = 1e-5, and the score is Σ_c |s_c| (the NASLib form for ≤ 100 classes). A class
/// with a single image contributes log(1 + k), as NumPy's corrcoef of one row is 1.
/// </summary>
public sealed class EpeNasProxy : IZeroCostProxy
{
    private const double K = 1e-5;

    /// <inheritdoc />
    public string Name => "epe_nas";

    /// <inheritdoc />
    public bool NeedsData => true;

    /// <inheritdoc />
    public double Score(ProxyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var jacobian = input.InputJacobian(Name);
        var labels = input.RequireBatch(Name).Labels.data<long>().ToArray();
        double score = 0;
        foreach (var rows in Enumerable.Range(0, labels.Length).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            score += Math.Abs(rows.Count() == 1 ? Math.Log(1 + K) : ClassScore(jacobian, [.. rows.Select(i => (long)i)]));
        }

        return score;
    }

    private static double ClassScore(Tensor jacobian, long[] rows)
    {
        using var scope = NewDisposeScope();
        var correlations = corrcoef(jacobian.index_select(0, tensor(rows))).abs();
        return TensorArithmetic.AddScalar(correlations, K).log().sum().item<double>();
    }
}
