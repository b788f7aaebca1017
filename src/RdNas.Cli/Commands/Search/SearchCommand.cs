using System.CommandLine;
using RdNas.Cli.Output;
using RdNas.Nas.Data;
using RdNas.Nas.Devices;
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
        Options.Add(CommonOptions.Device);
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

        var device = parseResult.GetValue(CommonOptions.Device);
        if (device is not null && run is null)
        {
            throw new ArgumentException("--device applies to --run (a supernet); proxies score on the CPU");
        }

        var output = OutputLocation.Folder("--out", parseResult.GetValue(s_out)!);
        // The options first, then the data: a wrong option is named even where the data is missing too.
        var ops = parseResult.GetValue(CommonOptions.Ops);
        var strategy = SearchStrategies.Create(
            parseResult.GetValue(s_strategy)!, SearchScorer.SpaceOf(run, proxy, ops), parseResult.GetValue(s_budget), parseResult.GetValue(s_seed),
            parseResult.GetValue(s_population), parseResult.GetValue(s_tournament));
        var dataFolder = parseResult.GetValue(CommonOptions.Data);
        var data = DataDirectory.Resolve(dataFolder);
        var groundTruth = Nb201GroundTruth.Load(data);
        var selection = parseResult.GetValue(s_groundTruth)!;
        groundTruth.RequireColumn(selection);

        using var scorer = run is not null
            ? SearchScorer.ForRun(run, data, ComputeDevice.Parse(device ?? "auto").Resolve())
            : SearchScorer.ForProxy(proxy!, ops, dataFolder, parseResult.GetValue(s_proxySeed));
        var search = JournalledSearch.Open(output, strategy, scorer.Score, scorer.Description, scorer.Space);
        var result = await SearchProgressView.RunAsync(Console, strategy, search.Recovered, progress => search.Run(groundTruth, selection, progress, cancellationToken),
            parseResult.GetValue(CommonOptions.Format) != OutputFormat.Json, cancellationToken).ConfigureAwait(false);
        Print(parseResult, result, search.Output);
        return ExitCodes.Success;
    }

    private void Print(ParseResult parseResult, SearchResult result, string output)
    {
        if (parseResult.GetValue(CommonOptions.Format) == OutputFormat.Json)
        {
            Console.Json(result);
            return;
        }

        SearchSummary.Print(Console, result, output);
    }
}
