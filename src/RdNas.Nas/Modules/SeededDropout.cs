using RdNas.Nas.Randomness;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace RdNas.Nas.Modules;

/// <summary>
/// Dropout whose masks come from a <see cref="SeededGenerator"/> the trainer gives it, so a run with dropout is
/// reproduced from its seeds and resumes bit-identically from a checkpoint (libtorch's own dropout draws from the
/// process-wide generator, which no checkpoint holds). Active only in training mode; evaluation passes inputs through.
/// </summary>
public sealed class SeededDropout : Module<Tensor, Tensor>
{
    private readonly double _probability;

    /// <summary>Drops each element with <paramref name="probability"/> (0 passes everything through) and scales the rest by 1/(1 − p).</summary>
    public SeededDropout(double probability)
        : base(nameof(SeededDropout))
    {
        if (!(probability >= 0 && probability < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "a dropout probability lies in [0, 1)");
        }

        _probability = probability;
    }

    /// <summary>Where masks are drawn from; training with a non-zero probability needs one.</summary>
    public SeededGenerator? Generator { get; set; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!training || _probability == 0)
        {
            return input.alias();
        }

        var generator = Generator ?? throw new InvalidOperationException($"dropout {_probability} in training mode needs a seeded generator (none was given)");
        var keep = 1 - _probability;
        var scale = (float)(1 / keep);
        var mask = new float[input.numel()];
        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] = generator.NextDouble() < keep ? scale : 0f;
        }

        using var maskTensor = tensor(mask, input.shape, dtype: input.dtype, device: input.device);
        return input.mul(maskTensor);
    }
}
