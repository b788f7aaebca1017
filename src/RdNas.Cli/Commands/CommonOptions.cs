using System.CommandLine;
using RdNas.Cli.Output;

namespace RdNas.Cli.Commands;

/// <summary>Options several commands share, so they are spelled and described once.</summary>
internal static class CommonOptions
{
    /// <summary>
    /// How long a one-shot query (<c>experiments</c>, <c>arch show</c>) tries to reach <c>--cluster</c> before it
    /// says the cluster is unreachable; <c>train</c> keeps Orleans' longer retries, as it may wait out a starting cluster.
    /// </summary>
    public static readonly TimeSpan QueryConnectTimeout = TimeSpan.FromSeconds(15);

    public static readonly Option<string> Space = new("--space")
    {
        Description = "Search space: nb201, or resnet48 (CVPR 2022 Track 1: space info, validate, costs and data-free proxies only)",
        DefaultValueFactory = _ => "nb201",
    };

    public static readonly Option<int> Ops = new("--ops")
    {
        Description = "Operations per edge: 4 (no 'none', the RD-NAS space) or 5",
        DefaultValueFactory = _ => 4,
    };

    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Data folder with cifar10/ and nb201/ (default: $RDNAS_DATA)",
    };

    public static readonly Option<OutputFormat> Format = new("--format")
    {
        Description = "text for people, json for scripts",
        DefaultValueFactory = _ => OutputFormat.Text,
    };

    public static readonly Option<string?> Cluster = new("--cluster")
    {
        Description = "A running cluster: localhost[:GATEWAY_PORT] or azure:CLUSTER_ID@CONNECTION_STRING (infra/local-cluster.sh prints it)",
    };

    public static readonly Option<string> RunningCluster = new("--cluster")
    {
        Description = "The cluster: localhost[:GATEWAY_PORT] or azure:CLUSTER_ID@CONNECTION_STRING",
        DefaultValueFactory = _ => "localhost",
    };

    public static readonly Option<string?> Device = new("--device")
    {
        Description = "Where supernets train and are scored: auto (a CUDA device when this process has one, else the CPU), cpu, cuda or cuda:N",
    };

    public static readonly Option<int?> Subnets = new("--subnets")
    {
        Description = "Subnets of the 4-op space the ranking evaluation scores (default: the preset's or run's, 200 but for smoke)",
    };

    public static readonly Option<long?> SampleSeed = new("--sample-seed")
    {
        Description = "Seed of the evaluation's subnet sample (default 0, the same cells for every run; another draws a held-out sample)",
    };

    public static readonly Option<string?> BnStatistics = new("--bn-statistics")
    {
        Description = "Batch-norm statistics subnets are scored with: recalibrated (the presets': re-estimated per subnet on train batches) or valid-batch (the RD-NAS reference code's ranking evaluation: each batch of 64 valid images normalised by itself)",
    };

    public static readonly Option<string?> TeacherCache = new("--teacher-cache")
    {
        Description = "Folder of cached teacher scores (default: $RDNAS_CACHE/teachers or ~/.cache/rdnas/teachers)",
    };

    /// <summary>The search space named by <paramref name="space"/>; an unknown name is an error listing the valid ones.</summary>
    public static SearchSpaceName ParseSpace(string space) => space.ToLowerInvariant() switch
    {
        "nb201" => SearchSpaceName.Nb201,
        "resnet48" => SearchSpaceName.ResNet48,
        _ => throw new ArgumentException($"unknown search space '{space}' (expected nb201 or resnet48)"),
    };

    /// <summary>
    /// The space of <see cref="Space"/> in <paramref name="parseResult"/>; <c>--ops</c> given with resnet48 is an error
    /// (it chooses between NB201's two spaces and would otherwise be ignored).
    /// </summary>
    public static SearchSpaceName ParseSpace(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var space = ParseSpace(parseResult.GetValue(Space)!);
        if (space == SearchSpaceName.ResNet48 && parseResult.GetResult(Ops) is { Implicit: false })
        {
            throw new ArgumentException("--ops chooses between nb201's 4- and 5-operation spaces; resnet48 has no such choice");
        }

        return space;
    }

    /// <summary>The first of <paramref name="options"/> given on the command line (not left to its default); null when none is.</summary>
    public static Option? FirstGiven(ParseResult parseResult, params Option[] options) =>
        options.FirstOrDefault(o => parseResult.GetResult(o) is { Implicit: false });

    /// <summary>For commands that train or score NB201 cells: any other space is an error saying what it supports.</summary>
    public static void RequireNb201(string space)
    {
        if (ParseSpace(space) != SearchSpaceName.Nb201)
        {
            throw new ArgumentException($"search space '{space}' is not supported by this command: it supports nb201 (resnet48 has space info, space validate, space costs and proxies score)");
        }
    }
}
