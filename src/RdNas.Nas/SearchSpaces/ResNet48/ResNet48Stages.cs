namespace RdNas.Nas.SearchSpaces.ResNet48;

/// <summary>
/// The fixed skeleton of the CVPR 2022 NAS competition's ResNet48 space: four stages of basic blocks whose depth and
/// convolution widths a 52-digit code chooses, and the digit layout of that code.
/// </summary>
public static class ResNet48Stages
{
    /// <summary>Number of stages.</summary>
    public const int Count = 4;

    /// <summary>Fewest blocks a stage may use.</summary>
    public const int MinDepth = 2;

    /// <summary>Digits in a code: image size, 4 depths, stem, then two digits per block slot.</summary>
    public const int CodeLength = 52;

    /// <summary>Position of the stem's width code.</summary>
    public const int StemPosition = 5;

    /// <summary>The only image-size code of the competition: 1, 224×224 images.</summary>
    public const int ImageSizeCode = 1;

    /// <summary>Input side for <see cref="ImageSizeCode"/>.</summary>
    public const int ImageSide = 224;

    /// <summary>Width ratios chosen by codes 1..7 (code k picks ratio k − 1 of this list).</summary>
    public static IReadOnlyList<double> WidthRatios { get; } = [1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7];

    /// <summary>Full widths of the stages (the stem's is stage 0's).</summary>
    public static IReadOnlyList<int> BaseWidths { get; } = [64, 128, 256, 512];

    /// <summary>Most blocks each stage may use; also its number of block slots in the code.</summary>
    public static IReadOnlyList<int> MaxDepths { get; } = [5, 5, 8, 5];

    /// <summary>Stride of each stage's first block (the stem already downsamples by 4).</summary>
    public static IReadOnlyList<int> Strides { get; } = [1, 2, 2, 2];

    /// <summary>Position of the first digit (conv1's code) of block slot <paramref name="block"/> of stage <paramref name="stage"/>.</summary>
    public static int SlotPosition(int stage, int block)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stage);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(stage, Count);
        ArgumentOutOfRangeException.ThrowIfNegative(block);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(block, MaxDepths[stage]);
        var position = StemPosition + 1;
        for (var s = 0; s < stage; s++)
        {
            position += 2 * MaxDepths[s];
        }

        return position + (2 * block);
    }

    /// <summary>
    /// Output channels of a convolution of stage <paramref name="stage"/> with width code <paramref name="code"/>:
    /// the ratio times the base width rounded to a multiple of 8 as the competition's model code does (never more
    /// than 10 % below the exact value). Several codes can give the same width (stage 1: 64, 64, 56, 56, 48, 48, 48).
    /// </summary>
    public static int Channels(int stage, int code)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stage);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(stage, Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(code, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(code, WidthRatios.Count);
        var exact = BaseWidths[stage] * WidthRatios[code - 1];
        var rounded = Math.Max(8, (int)(exact + 4) / 8 * 8);
        return rounded < 0.9 * exact ? rounded + 8 : rounded;
    }
}
