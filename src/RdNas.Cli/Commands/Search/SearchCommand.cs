using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using RdNas.Cli.Output;
using RdNas.Nas.Data;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Search;

namespace RdNas.Cli.Commands.Search;

/// <summary>
/// <c>rdnas search (--run DIR | --proxy P) --out DIR</c>: the step a ranking serves, finding a cell. Regularized
/// evolution or random search over the NB201 cells, scoring each with a trained supernet or a zero-cost proxy, then
/// judged by the benchmark: the returned cell's accuracies, its rank in the space and its regret.
/// </summary>
internal sealed class SearchCommand : CliCommand
{
    private static readonly Option<string?> s_run = new("--run")
    {
        Description = "A finished `rdnas train` folder: its supernet scores cells as its evaluation did",
    };

    private static readonly Option<string?> s_proxy = new("--proxy")
    {
        Description = "Instead of a supernet, one zero-cost proxy scores cells: " + string.Join(", ", Nas.Proxies.ProxyRegistry.Names),
    };

    private static readonly Option<string> s_strategy = new("--strategy")
    {
        Description = "evolution (regularized evolution, REA) or random",
        DefaultValueFactory = _ => "evolution",
    };

    private static readonly Option<int> s_budget = new("--budget")
    {
        Description = "Distinct cells scored",
        DefaultValueFactory = _ => 100,
    };

    private static readonly Option<int> s_population = new("--population")
    {
        Description = "Evolution: members alive at a time",
        DefaultValueFactory = _ => 10,
    };

    private static readonly Option<int> s_tournament = new("--tournament")
    {
        Description = "Evolution: members drawn to pick each parent",
        DefaultValueFactory = _ => 3,
    };

    private static readonly Option<long> s_seed = new("--seed")
    {
        Description = "Seed of the search's draws",
        DefaultValueFactory = _ => 0,
    };

    private static readonly Option<long> s_proxySeed = new("--proxy-seed")
    {
        Description = "With --proxy: seed of the network's initialisation and the proxy batch",
        DefaultValueFactory = _ => 0,
    };

    private static readonly Option<string> s_groundTruth = new("--ground-truth")
    {
        Description = "The NB201 column the answer is judged by; its _test twin is reported beside it",
        DefaultValueFactory = _ => "cifar10_valid",
    };

    private static readonly Option<string> s_out = new("--out")
    {
        Description = "Folder for search.json, search_trace.csv and the score journal (a rerun resumes from it)",
        Required = true,
    };

    public SearchCommand(CliConsole console)
        : base("search", "Search NB201 cells with a trained supernet or a zero-cost proxy, and judge the answer by the benchmark", console)
    {
        Options.Add(s_run);
        Options.Add(s_proxy);
        Options.Add(CommonOptions.Ops);
        Options.Add(s_strategy);
        Options.Add(s_budget);
        Options.Add(s_population);
        Options.Add(s_tournament);
        Options.Add(s_seed);
        Options.Add(s_proxySeed);
        Options.Add(s_groundTruth);
        Options.Add(CommonOptions.Data);
        Options.Add(s_out);
        Options.Add(CommonOptions.Format);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var run = parseResult.GetValue(s_run);
        var proxy = parseResult.GetValue(s_proxy);
        if ((run is null) == (proxy is null))
        {
            throw new ArgumentException("give either --run DIR (a trained supernet) or --proxy NAME (a zero-cost proxy)");
        }

        var dataFolder = parseResult.GetValue(CommonOptions.Data);
        var data = DataDirectory.Resolve(dataFolder);
        var groundTruth = Nb201GroundTruth.Load(data);
        var selection = parseResult.GetValue(s_groundTruth)!;
        groundTruth.RequireColumn(selection);
        var testTwin = selection.EndsWith("_valid", StringComparison.Ordinal) ? selection[..^"_valid".Length] + "_test" : null;

        using var scorer = run is not null
            ? SearchScorer.ForRun(run, data)
            : SearchScorer.ForProxy(proxy!, parseResult.GetValue(CommonOptions.Ops), dataFolder, parseResult.GetValue(s_proxySeed));
        var search = CreateSearch(parseResult, scorer);
        var output = parseResult.GetValue(s_out)!;
        var journal = ScoreJournal.Open(output, scorer.Description);
        var budget = parseResult.GetValue(s_budget);

        var watch = Stopwatch.StartNew();
        var trace = await SearchProgressView.RunAsync(Console, search, journal.Wrap(scorer.Score), budget, journal.Recovered,
            parseResult.GetValue(CommonOptions.Format) != OutputFormat.Json, cancellationToken).ConfigureAwait(false);
        var report = SearchReport.Compute(trace, scorer.Space, groundTruth, selection, testTwin);
        var evolution = search as RegularizedEvolution;
        var result = new SearchResult(
            $"nb201-{scorer.Space.Ops.Count}op", search.Name, scorer.Description, budget, evolution?.PopulationSize, evolution?.TournamentSize,
            parseResult.GetValue(s_seed), trace.Evaluations.Count, trace.Cycles, journal.Recovered, watch.Elapsed.TotalSeconds,
            selection, report.TestColumn, report.Best, report.SpaceBest, report.SelectionRank, report.SpaceSize, report.TestRegret, report.ScoredRanking, DateTimeOffset.UtcNow);
        SearchResultWriter.Write(output, result, trace, groundTruth);
        Print(parseResult, result, output);
        return ExitCodes.Success;
    }

    private static IArchitectureSearch CreateSearch(ParseResult parseResult, SearchScorer scorer)
    {
        var budget = parseResult.GetValue(s_budget);
        var seed = parseResult.GetValue(s_seed);
        return parseResult.GetValue(s_strategy)!.ToLowerInvariant() switch
        {
            "evolution" => new RegularizedEvolution(scorer.Space, budget, seed, parseResult.GetValue(s_population), parseResult.GetValue(s_tournament)),
            "random" => new RandomSearch(scorer.Space, budget, seed),
            var other => throw new ArgumentException($"unknown search strategy '{other}' (expected evolution or random)"),
        };
    }

    private void Print(ParseResult parseResult, SearchResult result, string output)
    {
        if (parseResult.GetValue(CommonOptions.Format) == OutputFormat.Json)
        {
            Console.Json(result);
            return;
        }

        string Accuracies(FoundCell cell) => string.Create(CultureInfo.InvariantCulture,
            $"{result.SelectionColumn} {cell.Selection:F2}{(cell.Test is { } t ? $", {result.TestColumn} {t:F2}" : "")}");
        Console.Line($"{result.Strategy} search, {result.Evaluations} cells scored by {result.Scorer}");
        Console.Line(string.Create(CultureInfo.InvariantCulture, $"found:          {result.Best.Arch} (score {result.Best.Score:G6}): {Accuracies(result.Best)}"));
        Console.Line(string.Create(CultureInfo.InvariantCulture,
            $"rank in space:  {result.SelectionRank} of {result.SpaceSize} by {result.SelectionColumn} (top {100.0 * result.SelectionRank / result.SpaceSize:F2} %)"));
        Console.Line($"space's best:   {result.SpaceBest.Arch}: {Accuracies(result.SpaceBest)}");
        if (result.TestRegret is { } regret)
        {
            Console.Line(string.Create(CultureInfo.InvariantCulture, $"test regret:    {regret:F2} points"));
        }

        if (result.ScoredRanking is { } ranking)
        {
            Console.Line(string.Create(CultureInfo.InvariantCulture,
                $"scores vs {result.SelectionColumn} over the scored cells: Kendall τ {ranking.KendallTau:F3}, Spearman ρ {ranking.SpearmanRho:F3}"));
        }

        Console.Line($"→ {Path.Combine(output, SearchResultWriter.ResultFile)}, {Path.Combine(output, SearchResultWriter.TraceFile)}");
    }
}
