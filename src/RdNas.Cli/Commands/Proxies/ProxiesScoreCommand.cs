using System.CommandLine;
using RdNas.Cli.Output;
using RdNas.Nas.Proxies;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Cli.Commands.Proxies;

/// <summary>
/// <c>rdnas proxies score</c>: scores cells with zero-cost proxies on the benchmark network (C=16, N=5) and writes a
/// CSV of <c>arch</c> plus one column per proxy.
/// </summary>
internal sealed class ProxiesScoreCommand : CliCommand
{
    private static readonly Option<string> s_archs = new("--archs")
    {
        Description = "Cells to score: all, first:N, or file:PATH (one arch string per line)",
        Required = true,
    };

    private static readonly Option<string> s_out = new("--out")
    {
        Description = "The CSV to write",
        Required = true,
    };

    public ProxiesScoreCommand(CliConsole console)
        : base("score", "Score cells with zero-cost proxies and write a CSV", console)
    {
        Options.Add(CommonOptions.Space);
        Options.Add(ProxyOptions.Proxy);
        Options.Add(s_archs);
        Options.Add(CommonOptions.Ops);
        Options.Add(ProxyOptions.Seed);
        Options.Add(ProxyOptions.Workers);
        Options.Add(CommonOptions.Data);
        Options.Add(s_out);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        CommonOptions.RequireNb201(parseResult.GetValue(CommonOptions.Space)!);
        var columns = ProxyColumn.ParseList(parseResult.GetValue(ProxyOptions.Proxy)!);
        var workers = ProxyOptions.WorkersOf(parseResult);
        var cells = ArchitectureSelection.Resolve(parseResult.GetValue(s_archs)!, new Nb201SearchSpace(parseResult.GetValue(CommonOptions.Ops)));
        using var setup = new ScorerSetup(columns, parseResult.GetValue(CommonOptions.Data), parseResult.GetValue(ProxyOptions.Seed));
        var output = parseResult.GetValue(s_out)!;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        using var journal = ProxyTable.OpenJournal(output, setup.Scorer, columns);
        var table = await ProxyProgressView.ScoreAsync(Console, setup.Scorer, columns, cells, workers, journal, cancellationToken).ConfigureAwait(false);
        ProxyScoresCsv.Write(output, table);
        journal.Complete();
        Console.Line(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"scored {cells.Count} cells with {string.Join(", ", columns.Select(c => c.Name))} in {stopwatch.Elapsed.TotalSeconds:F1} s on {workers} workers → {output}"));
        return ExitCodes.Success;
    }
}
