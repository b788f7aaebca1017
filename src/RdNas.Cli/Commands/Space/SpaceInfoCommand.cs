using System.CommandLine;
using System.Globalization;
using RdNas.Cli.Output;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.SearchSpaces.ResNet48;

namespace RdNas.Cli.Commands.Space;

/// <summary><c>rdnas space info --space nb201|resnet48 [--ops 4|5]</c>: the size and choices of a search space.</summary>
internal sealed class SpaceInfoCommand : CliCommand
{
    public SpaceInfoCommand(CliConsole console)
        : base("info", "Print the size and choices of a search space", console)
    {
        Options.Add(CommonOptions.Space);
        Options.Add(CommonOptions.Ops);
        Options.Add(CommonOptions.Format);
    }

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var json = parseResult.GetValue(CommonOptions.Format) == OutputFormat.Json;
        if (CommonOptions.ParseSpace(parseResult) == SearchSpaceName.ResNet48)
        {
            PrintResNet48(json);
        }
        else
        {
            PrintNb201(new Nb201SearchSpace(parseResult.GetValue(CommonOptions.Ops)), json);
        }

        return Task.FromResult(ExitCodes.Success);
    }

    private void PrintNb201(Nb201SearchSpace space, bool json)
    {
        var ops = space.Ops.Select(Nb201Ops.Name).ToArray();
        if (json)
        {
            Console.Json(new { space = "nb201", ops, edges = Nb201Edges.Count, size = space.Size });
        }
        else
        {
            Console.Line($"nb201: {space.Size} cells ({ops.Length} operations on {Nb201Edges.Count} edges: {string.Join(", ", ops)})");
        }
    }

    private void PrintResNet48(bool json)
    {
        var size = ResNet48SearchSpace.Size;
        var depths = Enumerable.Range(0, ResNet48Stages.Count).Select(s => $"{ResNet48Stages.MinDepth}–{ResNet48Stages.MaxDepths[s]}");
        if (json)
        {
            Console.Json(new
            {
                space = "resnet48",
                size = size.ToString(CultureInfo.InvariantCulture), // above 2^64: a string keeps every digit
                min_depth = ResNet48Stages.MinDepth,
                max_depths = ResNet48Stages.MaxDepths,
                base_widths = ResNet48Stages.BaseWidths,
                width_ratios = ResNet48Stages.WidthRatios,
                code_length = ResNet48Stages.CodeLength,
            });
        }
        else
        {
            Console.Line(string.Create(CultureInfo.InvariantCulture,
                $"resnet48: {size} architectures ({(double)size:0.0e+00}); 4 stages of basic blocks, depths {string.Join(", ", depths)}; " +
                $"a width code 1..{ResNet48Stages.WidthRatios.Count} per convolution (ratios {string.Join(", ", ResNet48Stages.WidthRatios)} of " +
                $"{string.Join(", ", ResNet48Stages.BaseWidths)} channels); {ResNet48Stages.CodeLength}-digit codes"));
        }
    }
}
