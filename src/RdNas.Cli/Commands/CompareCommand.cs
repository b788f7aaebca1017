using System.CommandLine;
using System.Globalization;
using RdNas.Cli.Output;
using RdNas.Nas.Evaluation;
using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.Runs;
using RdNas.Nas.SearchSpaces.Nb201;
using Spectre.Console;

namespace RdNas.Cli.Commands;

/// <summary>
/// <c>rdnas compare RUN_DIR...</c>: a table of finished runs (τ with its 95 % bootstrap interval over the evaluated
/// subnets, ρ, r, CPR, P@10%, time); a table of training configurations over their seeds (mean ± sd of τ, the ratio
/// to the baseline method on paired seeds and the paired difference's 95 % interval and t-test, and an RD-NAS
/// teacher's own τ on the same subnets when it is cached); and
/// a PNG with τ against epoch per run and the best run's supernet accuracy against ground truth; with <c>--op-bias</c>,
/// which operations each supernet misjudges. Unfinished runs (a checkpoint and no result) are left out with a warning.
/// </summary>
internal sealed class CompareCommand : CliCommand
{
    private static readonly Argument<string[]> s_runs = new("runs")
    {
        Description = "Run folders written by rdnas train (unfinished ones are left out with a warning)",
        Arity = ArgumentArity.OneOrMore,
    };

    private static readonly Option<string> s_plot = new("--plot")
    {
        Description = "The PNG to write",
        DefaultValueFactory = _ => "compare.png",
    };

    private static readonly Option<bool> s_opBias = new("--op-bias")
    {
        Description = "Also show which operations each run's supernet misjudges: r of an operation's count in a cell with the supernet's accuracy, the ground truth and the rank error",
    };

    private static readonly Option<string> s_baseline = new("--baseline")
    {
        Description = "The method other configurations are compared with, as the method column names it (spos, fairnas, 'rdnas flops/margin/sine', ...): ratio of mean τ on the seeds both ran",
        DefaultValueFactory = _ => "spos",
    };

    public CompareCommand(CliConsole console)
        : base("compare", "Compare finished runs: a table of their rankings and a plot", console)
    {
        Arguments.Add(s_runs);
        Options.Add(s_plot);
        Options.Add(s_baseline);
        Options.Add(s_opBias);
        Options.Add(CommonOptions.TeacherCache);
        Options.Add(CommonOptions.Format);
    }

    protected override Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var (runs, unfinished) = ReadRuns(parseResult.GetValue(s_runs)!);
        var intervals = runs.Select(TauInterval).ToList();
        var baseline = parseResult.GetValue(s_baseline)!;
        var teacherCache = parseResult.GetValue(CommonOptions.TeacherCache) ?? TrainingRunSpec.DefaultTeacherCache;
        var agreement = new TeacherAgreement(teacherCache);
        var methods = MethodComparison.Summarise(runs, baseline, run => agreement.Of(run));
        // A baseline asked for by name must exist; the default may be absent (RD-NAS runs compared among themselves).
        if (parseResult.GetResult(s_baseline) is { Implicit: false } && !methods.Any(m => m.Method == baseline))
        {
            throw new ArgumentException($"--baseline: no configuration named '{baseline}' among the runs (methods: {string.Join(", ", methods.Select(m => m.Method).Distinct())})");
        }

        var plot = OutputLocation.FileIn("--plot", parseResult.GetValue(s_plot)!);
        var biases = parseResult.GetValue(s_opBias) ? runs.Select(OperationBiasOf).ToList() : null;
        ComparisonPlot.Save(runs, plot);
        if (parseResult.GetValue(CommonOptions.Format) == OutputFormat.Json)
        {
            Console.Json(new
            {
                plot,
                unfinished = unfinished.Select(u => new { directory = u.Directory, completed_epochs = u.CompletedEpochs, epochs = u.Epochs }),
                runs = runs.Select((r, i) => new
                {
                    directory = r.Directory, sampler = r.Sampler, teacher = r.Teacher, pair_sampler = r.PairSampler, method = r.Method, preset = r.Preset, seed = r.Seed, epochs = r.Epochs, seconds = r.Seconds, ranking = r.Ranking,
                    kendall_tau_ci95 = intervals[i] is { } ci ? new[] { ci.Low, ci.High } : null,
                    op_bias = biases?[i].Select(b => new { op = Nb201Ops.Name(b.Op), supernet_r = OrNull(b.SupernetCorrelation), ground_truth_r = OrNull(b.GroundTruthCorrelation), rank_error_r = OrNull(b.RankErrorCorrelation) }),
                }),
                methods = methods.Select(m => new
                {
                    preset = m.Preset, epochs = m.Budget.Epochs, batch_size = m.Budget.BatchSize, train_images = m.Budget.TrainImages, method = m.Method, evaluation = m.Evaluation, seeds = m.Seeds, kendall_tau_mean = m.MeanTau,
                    kendall_tau_sd = double.IsNaN(m.TauStandardDeviation) ? (double?)null : m.TauStandardDeviation, spearman_rho_mean = m.MeanRho,
                    teacher_kendall_tau = m.TeacherTau, student_teacher_kendall_tau = m.StudentTeacherTau, baseline = m.Baseline is { } b
                        ? new
                        {
                            method = b.Method, paired_seeds = b.PairedSeeds, tau_ratio = b.Ratio, tau_difference = b.Difference?.Mean,
                            tau_difference_ci95 = b.Difference is { } d ? new[] { d.Low, d.High } : null, paired_t_p = b.Difference?.PValue,
                        }
                        : null,
                }),
            });
            return Task.FromResult(ExitCodes.Success);
        }

        var table = new Table().AddColumns("run", "method", "seed", "τ", "τ 95% CI", "ρ", "r", "CPR", "P@10%", "minutes");
        foreach (var (run, interval) in runs.Zip(intervals))
        {
            string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);
            table.AddRow(
                Markup.Escape(Path.GetFileName(run.Directory)), Markup.Escape(run.Configuration),
                run.Seed.ToString(CultureInfo.InvariantCulture), F(run.Ranking.KendallTau), interval is { } ci ? $"{F(ci.Low)}–{F(ci.High)}" : "—",
                F(run.Ranking.SpearmanRho), F(run.Ranking.PearsonR),
                F(run.Ranking.Cpr), F(run.Ranking.PrecisionAtTop10), (run.Seconds / 60).ToString("F1", CultureInfo.InvariantCulture));
        }

        Console.Ansi.Write(table);
        Console.Line("τ 95% CI: percentile bootstrap over each run's evaluated subnets (1,000 resamples)");
        Console.Ansi.Write(MethodSummaryTable.Create(methods, baseline));
        Console.Line($"configurations: runs with equal preset, training budget (epochs, images, batch size), method, weight averaging and evaluation; teacher τ: the RD-NAS teacher (from {teacherCache}) on the same subnets; τ(student, teacher): the supernets' accuracies against that teacher");
        if (biases is not null)
        {
            Console.Ansi.Write(OperationBiasTable.Create(runs.Zip(biases, (run, bias) => (Path.GetFileName(run.Directory), bias))));
            Console.Line("operation bias: r of an operation's count in a cell with the supernet's accuracy, with the ground truth, and with the rank error (supernet rank − ground-truth rank; positive: cells with more of it ranked too high)");
        }

        Console.Line($"plot → {plot}");
        return Task.FromResult(ExitCodes.Success);
    }

    // A glob over a runs folder (runs/*/) also names runs still training, or stopped: they are left out with a
    // warning rather than failing the comparison of the finished ones. A folder with neither result nor checkpoint fails.
    private (List<RunRecord> Finished, List<UnfinishedRun> Unfinished) ReadRuns(string[] folders)
    {
        var finished = new List<RunRecord>();
        var unfinished = new List<UnfinishedRun>();
        foreach (var folder in folders)
        {
            if (UnfinishedRun.Find(folder) is { } run)
            {
                Console.Warning($"{run.Directory}: unfinished run left out ({run.CompletedEpochs} of {run.Epochs} epochs checkpointed, no {TrainingRunWriter.ResultFile} yet)");
                unfinished.Add(run);
            }
            else
            {
                finished.Add(RunRecord.Read(folder));
            }
        }

        return finished.Count > 0 ? (finished, unfinished) : throw new ArgumentException("no finished run among the folders given: nothing to compare");
    }

    // A run's subnets.csv names cells of the space it trained; one that does not is named with its run.
    private static IReadOnlyList<OperationBias> OperationBiasOf(RunRecord run)
    {
        try
        {
            return run.OperationBias();
        }
        catch (FormatException e)
        {
            throw new FormatException($"--op-bias: {run.Directory}: subnets.csv: {e.Message}", e);
        }
    }

    // No correlation (a side where every subnet scored alike) is null in JSON, which has no NaN.
    private static double? OrNull(double value) => double.IsNaN(value) ? null : value;

    // None for a run folder without per-subnet scores (subnets.csv missing or too short), or whose supernet scored
    // every subnet alike (τ undefined in every resample).
    private static (double Low, double High)? TauInterval(RunRecord run)
    {
        if (run.Subnets.Count < 2)
        {
            return null;
        }

        var interval = KendallTauInterval.Compute([.. run.Subnets.Select(s => s.SupernetAccuracy)], [.. run.Subnets.Select(s => s.GroundTruth)]);
        return double.IsNaN(interval.Low) || double.IsNaN(interval.High) ? null : interval;
    }
}
