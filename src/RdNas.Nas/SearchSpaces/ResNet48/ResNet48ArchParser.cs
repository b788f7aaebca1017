namespace RdNas.Nas.SearchSpaces.ResNet48;

/// <summary>
/// Checks a 52-digit ResNet48 code and reports the first bad digit with its position: a wrong length, a character that
/// is not a digit, an image size other than 224, a depth out of its stage's range, a width code outside 1..7, a used
/// block left <c>00</c> or an unused one filled, or second convolutions of a stage with different codes.
/// </summary>
internal static class ResNet48ArchParser
{
    public static void Validate(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        for (var i = 0; i < Math.Min(code.Length, ResNet48Stages.CodeLength); i++)
        {
            if (!char.IsAsciiDigit(code[i]))
            {
                throw new ArchitectureFormatException(code, i, $"'{code[i]}' is not a digit (a ResNet48 code has {ResNet48Stages.CodeLength} digits)");
            }
        }

        if (code.Length != ResNet48Stages.CodeLength)
        {
            var position = Math.Min(code.Length, ResNet48Stages.CodeLength);
            throw new ArchitectureFormatException(code, position, $"{code.Length} characters (a ResNet48 code has {ResNet48Stages.CodeLength} digits)");
        }

        if (code[0] - '0' != ResNet48Stages.ImageSizeCode)
        {
            throw new ArchitectureFormatException(code, 0, $"image size code '{code[0]}' (expected {ResNet48Stages.ImageSizeCode}: {ResNet48Stages.ImageSide}×{ResNet48Stages.ImageSide})");
        }

        var depths = new int[ResNet48Stages.Count];
        for (var stage = 0; stage < depths.Length; stage++)
        {
            depths[stage] = code[1 + stage] - '0';
            if (depths[stage] < ResNet48Stages.MinDepth || depths[stage] > ResNet48Stages.MaxDepths[stage])
            {
                throw new ArchitectureFormatException(code, 1 + stage, $"stage {stage + 1}: depth {depths[stage]} (expected {ResNet48Stages.MinDepth}..{ResNet48Stages.MaxDepths[stage]})");
            }
        }

        var stem = WidthCode(code, ResNet48Stages.StemPosition, "stem");
        for (var stage = 0; stage < depths.Length; stage++)
        {
            ValidateStage(code, stage, depths[stage], stem);
        }
    }

    private static void ValidateStage(string code, int stage, int depth, int stem)
    {
        var shared = stage == 0 ? stem : -1;
        for (var block = 0; block < ResNet48Stages.MaxDepths[stage]; block++)
        {
            var position = ResNet48Stages.SlotPosition(stage, block);
            var where = $"stage {stage + 1} block {block + 1}";
            if (block >= depth)
            {
                if (code[position] != '0' || code[position + 1] != '0')
                {
                    throw new ArchitectureFormatException(code, position, $"{where}: '{code.AsSpan(position, 2)}' in an unused block (stage {stage + 1} has depth {depth}; expected '00')");
                }

                continue;
            }

            WidthCode(code, position, $"{where} conv1");
            var conv2 = WidthCode(code, position + 1, $"{where} conv2");
            if (shared < 0)
            {
                shared = conv2;
            }
            else if (conv2 != shared)
            {
                var source = stage == 0 ? "the stem's" : "block 1's";
                throw new ArchitectureFormatException(code, position + 1,
                    $"{where} conv2: width code {conv2} differs from {source} {shared} (identity shortcuts join a stage's second convolutions{(stage == 0 ? " and the stem" : string.Empty)}, so they share one width)");
            }
        }
    }

    private static int WidthCode(string code, int position, string what)
    {
        var value = code[position] - '0';
        if (value < 1 || value > ResNet48Stages.WidthRatios.Count)
        {
            throw new ArchitectureFormatException(code, position, $"{what}: width code {value} (expected 1..{ResNet48Stages.WidthRatios.Count}: ratios 1.0, 0.95, …, 0.7)");
        }

        return value;
    }
}
