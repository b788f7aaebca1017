using System.CommandLine;
using RdNas.Cli.Output;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Cli.Commands.Space;

/// <summary><c>rdnas space info --space nb201 [--ops 4|5]</c>: the size and operations of a search space.</summary>
internal sealed class SpaceInfoCommand : CliCommand
{
    public SpaceInfoCommand(CliConsole console)
        : base("info", "Print the size and candidate operations of a search space", console)
    {
        Options.Add(CommonOptions.Space);
        Options.Add(CommonOptions.Ops);
        Options.Add(CommonOptions.Format);
    }

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        CommonOptions.RequireNb201(parseResult.GetValue(CommonOptions.Space)!);
        var space = new Nb201SearchSpace(parseResult.GetValue(CommonOptions.Ops));
        var ops = space.Ops.Select(Nb201Ops.Name).ToArray();
        if (parseResult.GetValue(CommonOptions.Format) == OutputFormat.Json)
        {
            Console.Json(new { space = "nb201", ops, edges = Nb201Edges.Count, size = space.Size });
        }
        else
        {
            Console.Line($"nb201: {space.Size} cells ({ops.Length} operations on {Nb201Edges.Count} edges: {string.Join(", ", ops)})");
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
