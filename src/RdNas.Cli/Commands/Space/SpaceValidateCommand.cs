using System.CommandLine;
using RdNas.Cli.Output;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.SearchSpaces.ResNet48;

namespace RdNas.Cli.Commands.Space;

/// <summary>
/// <c>rdnas space validate [--space nb201|resnet48] ARCH</c>: exit 0 and the canonical form for a valid arch string or
/// 52-digit code, else the parser's error and exit 2.
/// </summary>
internal sealed class SpaceValidateCommand : CliCommand
{
    private static readonly Argument<string> s_arch = new("arch")
    {
        Description = "Arch string, such as |nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|, or a resnet48 code of 52 digits",
    };

    private static readonly Option<int> s_ops = new("--ops")
    {
        Description = "Check membership of the 4-op space (no 'none') or the full 5-op benchmark",
        DefaultValueFactory = _ => 5,
    };

    public SpaceValidateCommand(CliConsole console)
        : base("validate", "Check an architecture string and print its canonical form", console)
    {
        Arguments.Add(s_arch);
        Options.Add(CommonOptions.Space);
        Options.Add(s_ops);
    }

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var arch = parseResult.GetValue(s_arch)!;
        Console.Line(CommonOptions.ParseSpace(parseResult.GetValue(CommonOptions.Space)!) == SearchSpaceName.ResNet48
            ? ResNet48SearchSpace.Parse(arch).Code
            : new Nb201SearchSpace(parseResult.GetValue(s_ops)).Parse(arch).ToString());
        return Task.FromResult(ExitCodes.Success);
    }
}
