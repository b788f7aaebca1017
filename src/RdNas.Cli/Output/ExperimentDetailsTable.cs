using System.Globalization;
using RdNas.Abstractions.Experiments;
using RdNas.Nas.Search;
using Spectre.Console;

namespace RdNas.Cli.Output;

/// <summary>
/// The table of <c>rdnas experiments show</c>: one row per setting of the spec (RD-NAS's only for RD-NAS runs, and
/// "preset's" where the spec keeps the preset's value), then where the run stands, then its ranking once completed.
/// </summary>
internal static class ExperimentDetailsTable
{
    public static Table Create(string id, ExperimentSpec spec, ExperimentStatus status, ExperimentRanking? ranking)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(status);
        var table = new Table().AddColumn("field").AddColumn("value");
        void Row(string name, string? value) => table.AddRow(Markup.Escape(name), Markup.Escape(value ?? "-"));
        static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
        static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        static string OrPreset(int? value) => value is { } v ? I(v) : "preset's";

        Row("id", id);
        Row("configuration", ExperimentConfiguration.Label(spec));
        if (spec.RescoreOf is { } source)
        {
            Row("scores the supernet of", $"experiment {source} (no training)");
        }

        Row("space", spec.Space);
        Row("preset", spec.Preset);
        Row("seed / split seed", $"{I(spec.Seed)} / {I(spec.SplitSeed)}");
        Row("epochs", spec.Epochs is { } e ? I(e) : $"preset's ({I(status.Epochs)})");
        Row("batch size", OrPreset(spec.BatchSize));
        Row("train images", OrPreset(spec.TrainImages));
        if (ExperimentConfiguration.Method(spec).IsRdNas)
        {
            Row("teacher", spec.Teacher);
            Row("pair sampler", spec.PairSampler == "random" ? "random (no distance)"
                : spec.PairThreshold is { } t ? $"{spec.PairSampler} (distance ≥ {F(t, "G")})" : $"{spec.PairSampler} (its default distance)");
            Row("ranking loss", spec.Margin is { } m ? $"paper's, margin {F(m, "G")}" : "reference code's (margin 0)");
            Row("λ schedule", spec.Lambda);
        }

        Row("head dropout", spec.HeadDropout is { } dropout ? F(dropout, "G") : "preset's");
        Row("BN statistics (scoring)", spec.BnStatistics ?? "preset's");
        Row("evaluated subnets", OrPreset(spec.Subnets));
        Row("subnet sample seed", spec.SampleSeed is { } sampleSeed ? I(sampleSeed) : "preset's");
        Row("evaluated weights", spec.AverageWeightsAfter is { } after ? $"mean of the epochs after {I(after)}" : "last");
        Row("ground truth", spec.GroundTruth);
        if (spec.Search is { } search)
        {
            Row("search", search.Strategy == SearchStrategies.Evolution
                ? $"evolution, {I(search.Budget)} cells, population {I(search.Population)}, tournament {I(search.Tournament)}, seed {I(search.Seed)}"
                : $"{search.Strategy}, {I(search.Budget)} cells, seed {I(search.Seed)}");
        }

        Row("phase", status.Phase.ToString());
        Row("message", status.Message);
        Row("epochs checkpointed", $"{I(status.CompletedEpochs)}/{I(status.Epochs)}");
        if (status.Phase == ExperimentPhase.Training && status.StepsPerEpoch > 0)
        {
            Row("current epoch", $"step {I(status.Step)}/{I(status.StepsPerEpoch)}, loss {F(status.Loss, "F4")}, train accuracy {F(status.Accuracy, "P1")}");
        }

        if (status.Subnets > 0)
        {
            Row("subnets evaluated", $"{I(status.EvaluatedSubnets)}/{I(status.Subnets)}");
        }

        if (status.SearchBudget > 0)
        {
            Row("cells searched", $"{I(status.SearchedCells)}/{I(status.SearchBudget)}");
        }

        Row("worker", status.Worker);
        Row("device", status.Device);
        Row("worker starts", I(status.Attempts));
        Row("resumed from epoch", status.ResumedFromEpoch is { } r ? I(r) : null);
        Row("updated (UTC)", status.UpdatedUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        if (ranking is not null)
        {
            foreach (var (metric, value) in RankingRows.Of(ranking.KendallTau, ranking.SpearmanRho, ranking.PearsonR, ranking.ConcordantPairRatio, ranking.PrecisionAtTop10))
            {
                Row(metric, value);
            }
        }

        return table;
    }
}
