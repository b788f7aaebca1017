using System.CommandLine;
using System.Globalization;
using RdNas.Cli.Output;
using RdNas.Nas.Data;
using RdNas.Nas.Evaluation;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Proxies;

namespace RdNas.Cli.Commands.Proxies;

/// <summary>
/// <c>rdnas proxies rank --proxy P</c>: Kendall τ and Spearman ρ of a proxy against <c>cifar10_valid</c> on the seeded
/// subnet sample that supernet evaluation uses.
/// </summary>
internal sealed class ProxiesRankCommand : CliCommand
{
    private static readonly Option<int> s_subnets = new("--subnets")
    {
        Description = "Size of the subnet sample",
        DefaultValueFactory = _ => 200,
    };

    private static readonly Option<long> s_sampleSeed = new("--sample-seed")
    {
        Description = "Seed of the subnet sample (0 is the one `rdnas train` evaluates on)",
        DefaultValueFactory = _ => 0,
    };

    public ProxiesRankCommand(CliConsole console)
        : base("rank", "Rank the evaluation's subnet sample with a proxy and compare with the ground truth", console)
    {
        Options.Add(ProxyOptions.Proxy);
        Options.Add(s_subnets);
        Options.Add(s_sampleSeed);
        Options.Add(ProxyOptions.Seed);
        Options.Add(ProxyOptions.Workers);
        Options.Add(CommonOptions.Data);
        Options.Add(CommonOptions.Format);
    }

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var proxy = ProxyColumn.Parse(parseResult.GetValue(ProxyOptions.Proxy)!);
        var workers = ProxyOptions.WorkersOf(parseResult);
        var sample = new EvaluationOptions(Subnets: parseResult.GetValue(s_subnets), SampleSeed: parseResult.GetValue(s_sampleSeed)).Validate();
        var groundTruth = Nb201GroundTruth.Load(DataDirectory.Resolve(parseResult.GetValue(CommonOptions.Data)));
        using var setup = new ScorerSetup([proxy], parseResult.GetValue(CommonOptions.Data), parseResult.GetValue(ProxyOptions.Seed));
        var report = ProxyRanking.Rank(proxy, setup.Scorer, groundTruth, sample, workers);
        if (parseResult.GetValue(CommonOptions.Format) == OutputFormat.Json)
        {
            Console.Json(new { proxy = proxy.Name, subnets = sample.Subnets, sample_seed = sample.SampleSeed, ranking = report });
        }
        else
        {
            Console.Line(string.Create(CultureInfo.InvariantCulture,
                $"{proxy.Name} on {sample.Subnets} subnets (sample seed {sample.SampleSeed}) vs cifar10_valid: Kendall τ {report.KendallTau:F4}, Spearman ρ {report.SpearmanRho:F4}"));
        }

        return Task.FromResult(ExitCodes.Success);
    }
}
