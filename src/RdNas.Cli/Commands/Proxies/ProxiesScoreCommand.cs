using System.CommandLine;
using RdNas.Cli.Output;
using RdNas.Nas.Proxies;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Cli.Commands.Proxies;

/// <summary>
/// <c>rdnas proxies score</c>: scores NB201 cells with zero-cost proxies on the benchmark network (C=16, N=5) and writes
/// a CSV of <c>arch</c> plus one column per proxy; with <c>--space resnet48</c>, Track 1 architectures with the
/// data-free proxies (<see cref="ResNet48ProxyScoring"/>).
/// </summary>
internal sealed class ProxiesScoreCommand : CliCommand
{
    private static readonly Option<string> s_archs = new("--archs")
    {
        Description = "What to score: all, first:N, or file:PATH (one arch string per line); resnet48 also takes standalone (arch1..arch30)",
        Required = true,
    };

    private static readonly Option<string> s_out = new("--out")
    {
        Description = "The CSV to write",
        Required = true,
    };

    private static readonly Option<string?> s_submission = new("--submission")
    {
        Description = "resnet48 only: also write a CVPR 2022 Track 1 submission (the test file with acc = the one --proxy column's value), with --archs all",
    };

    private static readonly Option<int?> s_side = new("--side")
    {
        Description = $"resnet48 only: input side of the network-based proxies, a multiple of 32 (default {ResNet48ProxyScorer.CompetitionSide}, the competition's; smaller is faster)",
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
        Options.Add(s_side);
        Options.Add(s_submission);
        Options.Add(CommonOptions.Data);
        Options.Add(s_out);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var side = parseResult.GetValue(s_side);
        var workers = ProxyOptions.WorkersOf(parseResult);
        if (CommonOptions.ParseSpace(parseResult) == SearchSpaceName.ResNet48)
        {
            return await ResNet48ProxyScoring.RunAsync(
                Console, ResNet48ProxyScoring.ParseColumns(parseResult.GetValue(ProxyOptions.Proxy)!), side ?? ResNet48ProxyScorer.CompetitionSide, parseResult.GetValue(ProxyOptions.Seed),
                parseResult.GetValue(s_archs)!, workers, parseResult.GetValue(CommonOptions.Data), OutputLocation.FileIn("--out", parseResult.GetValue(s_out)!),
                parseResult.GetValue(s_submission) is { } submission ? OutputLocation.FileIn("--submission", submission) : null, cancellationToken).ConfigureAwait(false);
        }

        if (side is not null)
        {
            throw new ArgumentException("--side applies to --space resnet48 (nb201 proxies score the benchmark's 32×32 network)");
        }

        if (parseResult.GetValue(s_submission) is not null)
        {
            throw new ArgumentException("--submission writes a CVPR 2022 Track 1 file: it applies to --space resnet48");
        }

        var columns = ProxyColumn.ParseList(parseResult.GetValue(ProxyOptions.Proxy)!);
        var cells = ArchitectureSelection.Resolve(parseResult.GetValue(s_archs)!, new Nb201SearchSpace(parseResult.GetValue(CommonOptions.Ops)));
        var output = OutputLocation.FileIn("--out", parseResult.GetValue(s_out)!);
        using var setup = new ScorerSetup(columns, parseResult.GetValue(CommonOptions.Data), parseResult.GetValue(ProxyOptions.Seed));
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
