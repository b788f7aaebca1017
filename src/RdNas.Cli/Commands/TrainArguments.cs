using System.Globalization;
using RdNas.Abstractions.Experiments;

namespace RdNas.Cli.Commands;

/// <summary>
/// The <c>rdnas train</c> command line of an experiment spec: what continues a cluster's unfinished run on this
/// machine from its fetched checkpoint (the trainer refuses a checkpoint of any other run, so it must be exact).
/// </summary>
internal static class TrainArguments
{
    private static readonly ExperimentSpec s_defaults = new();
    private static readonly ExperimentSearchSpec s_searchDefaults = new();

    /// <summary>
    /// The arguments after <c>rdnas train</c> that submit <paramref name="spec"/> with <c>--out</c>
    /// <paramref name="output"/>, options at their defaults left out; null when the spec holds what no option sets
    /// (a split seed other than 0, which only the SDK sets).
    /// </summary>
    public static IReadOnlyList<string>? For(ExperimentSpec spec, string output)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.SplitSeed != s_defaults.SplitSeed)
        {
            return null;
        }

        var args = new List<string>();
        void Add<T>(string option, T value, T defaultValue)
        {
            if (!EqualityComparer<T>.Default.Equals(value, defaultValue))
            {
                args.Add(option);
                args.Add(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
            }
        }

        Add("--space", spec.Space, s_defaults.Space);
        Add("--sampler", spec.Sampler, s_defaults.Sampler);
        Add("--preset", spec.Preset, s_defaults.Preset);
        Add("--seed", spec.Seed, s_defaults.Seed);
        Add("--epochs", spec.Epochs, s_defaults.Epochs);
        Add("--batch-size", spec.BatchSize, s_defaults.BatchSize);
        Add("--train-images", spec.TrainImages, s_defaults.TrainImages);
        Add("--teacher", spec.Teacher, s_defaults.Teacher);
        Add("--pair-sampler", spec.PairSampler, s_defaults.PairSampler);
        Add("--pair-threshold", spec.PairThreshold, s_defaults.PairThreshold);
        Add("--margin", spec.Margin, s_defaults.Margin);
        Add("--lambda", spec.Lambda, s_defaults.Lambda);
        Add("--ground-truth", spec.GroundTruth, s_defaults.GroundTruth);
        Add("--average-weights-after", spec.AverageWeightsAfter, s_defaults.AverageWeightsAfter);
        Add("--head-dropout", spec.HeadDropout, s_defaults.HeadDropout);
        Add("--bn-statistics", spec.BnStatistics, s_defaults.BnStatistics);
        Add("--subnets", spec.Subnets, s_defaults.Subnets);
        Add("--sample-seed", spec.SampleSeed, s_defaults.SampleSeed);
        if (spec.Search is { } search)
        {
            args.AddRange(["--search", search.Strategy]);
            Add("--search-budget", search.Budget, s_searchDefaults.Budget);
            Add("--search-seed", search.Seed, s_searchDefaults.Seed);
            Add("--search-population", search.Population, s_searchDefaults.Population);
            Add("--search-tournament", search.Tournament, s_searchDefaults.Tournament);
        }

        args.AddRange(["--out", output]);
        return args;
    }

    /// <summary>The arguments as one shell line, each quoted where a shell would split or expand it.</summary>
    public static string ShellLine(IEnumerable<string> args) => string.Join(' ', args.Select(Quote));

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./:+=,@".Contains(c)) ? arg : $"'{arg.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
