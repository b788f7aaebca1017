using System.Text;

namespace RdNas.Nas.SearchSpaces.ResNet48;

/// <summary>
/// One architecture of the ResNet48 space, held as its canonical 52-digit code: image size, the depth of each stage,
/// the stem's width code, then per block slot the width codes of its two convolutions (<c>00</c> for unused slots).
/// Equality and hashing are those of the code.
/// </summary>
public sealed record ResNet48Genotype
{
    private ResNet48Genotype(string code) => Code = code;

    /// <summary>The 52-digit code, such as <c>1252233313000000223212122253130000000000006515000000</c>.</summary>
    public string Code { get; }

    /// <summary>The stem's width code (1..7), which stage 1's second convolutions share.</summary>
    public int StemCode => Digit(ResNet48Stages.StemPosition);

    /// <summary>Output channels of the stem.</summary>
    public int StemChannels => ResNet48Stages.Channels(0, StemCode);

    /// <summary>Parses and validates a code; the error names the first bad digit and its position.</summary>
    public static ResNet48Genotype Parse(string code)
    {
        ResNet48ArchParser.Validate(code);
        return new ResNet48Genotype(code);
    }

    /// <summary>
    /// Builds an architecture from its choices: the depth of each stage, the stem's width code, every used block's
    /// first-convolution code, and each stage's shared second-convolution code (stage 1's must be the stem's).
    /// </summary>
    public static ResNet48Genotype Create(
        IReadOnlyList<int> depths, int stemCode, IReadOnlyList<IReadOnlyList<int>> conv1Codes, IReadOnlyList<int> conv2Codes)
    {
        ArgumentNullException.ThrowIfNull(depths);
        ArgumentNullException.ThrowIfNull(conv1Codes);
        ArgumentNullException.ThrowIfNull(conv2Codes);
        if (depths.Count != ResNet48Stages.Count || conv1Codes.Count != ResNet48Stages.Count || conv2Codes.Count != ResNet48Stages.Count)
        {
            throw new ArgumentException($"give depths, first-convolution codes and second-convolution codes for all {ResNet48Stages.Count} stages");
        }

        var code = new StringBuilder(ResNet48Stages.CodeLength).Append(ResNet48Stages.ImageSizeCode);
        foreach (var depth in depths)
        {
            code.Append(SingleDigit(depth, "depth"));
        }

        code.Append(SingleDigit(stemCode, "stem code"));
        for (var stage = 0; stage < ResNet48Stages.Count; stage++)
        {
            if (conv1Codes[stage].Count != depths[stage])
            {
                throw new ArgumentException($"stage {stage + 1}: {conv1Codes[stage].Count} first-convolution codes for depth {depths[stage]}", nameof(conv1Codes));
            }

            for (var block = 0; block < ResNet48Stages.MaxDepths[stage]; block++)
            {
                code.Append(block < depths[stage] ? $"{SingleDigit(conv1Codes[stage][block], "width code")}{SingleDigit(conv2Codes[stage], "width code")}" : "00");
            }
        }

        return Parse(code.ToString());
    }

    /// <summary>Number of blocks stage <paramref name="stage"/> (0..3) uses.</summary>
    public int Depth(int stage)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stage);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(stage, ResNet48Stages.Count);
        return Digit(1 + stage);
    }

    /// <summary>Width code of the first convolution of block <paramref name="block"/> of stage <paramref name="stage"/>.</summary>
    public int Conv1Code(int stage, int block)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(block, Depth(stage));
        return Digit(ResNet48Stages.SlotPosition(stage, block));
    }

    /// <summary>Width code shared by the second convolutions of stage <paramref name="stage"/>: its output width.</summary>
    public int Conv2Code(int stage) => Digit(ResNet48Stages.SlotPosition(stage, 0) + 1);

    /// <summary>Output channels of the first convolution of a block.</summary>
    public int Conv1Channels(int stage, int block) => ResNet48Stages.Channels(stage, Conv1Code(stage, block));

    /// <summary>Output channels of stage <paramref name="stage"/> (its blocks' second convolutions).</summary>
    public int OutputChannels(int stage) => ResNet48Stages.Channels(stage, Conv2Code(stage));

    /// <summary>The code.</summary>
    public override string ToString() => Code;

    private int Digit(int position) => Code[position] - '0';

    private static char SingleDigit(int value, string what) =>
        value is >= 0 and <= 9 ? (char)('0' + value) : throw new ArgumentOutOfRangeException(nameof(value), value, $"{what} must be one digit");
}
