using System.Diagnostics;
using RdNas.Nas.Data;
using RdNas.Nas.Evaluation;
using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.GroundTruth;

namespace RdNas.Nas.Runs;

/// <summary>
/// Scores an evaluation's subnet sample with an evaluator and ranks it against a ground-truth column. With a journal,
/// subnets it holds are taken from it (and not reported as progress: an earlier attempt scored them) and every new
/// score is journaled before the next subnet starts.
/// </summary>
internal static class SampleScoring
{
    public static ScoredSample Score(
        SubnetEvaluator evaluator, EvaluationOptions options, Nb201GroundTruth groundTruth, string column,
        IEvaluationObserver? observer, KeyedScoreJournal? journal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(groundTruth);
        var sample = Nb201TrainingRun.EvaluationSample(options);
        var journaled = sample.Select(g => journal?.Find(g.ToString())).ToArray();
        var resumed = journaled.Count(entry => entry is not null);
        if (resumed > 0)
        {
            observer?.OnEvaluationResumed(resumed, sample.Count);
        }

        var scores = new List<SubnetScore>(sample.Count);
        for (var i = 0; i < sample.Count; i++)
        {
            var genotype = sample[i];
            SubnetMeasurement measured;
            if (journaled[i] is { } entry)
            {
                measured = new SubnetMeasurement(entry[0], entry[1]);
            }
            else
            {
                var watch = Stopwatch.StartNew();
                measured = evaluator.Measure(genotype, cancellationToken);
                journal?.Record(genotype.ToString(), [measured.Accuracy, measured.Loss, watch.Elapsed.TotalSeconds]);
            }

            scores.Add(new SubnetScore(genotype, measured.Accuracy, groundTruth.Lookup(genotype, column), measured.Loss));
            if (journaled[i] is null)
            {
                observer?.OnEvaluationProgress(scores.Count, sample.Count);
            }
        }

        var ranking = RankingReport.Compute([.. scores.Select(s => s.SupernetAccuracy)], [.. scores.Select(s => s.GroundTruth)]);
        return new ScoredSample(scores, ranking, evaluator.ValidImageCount, resumed, journaled.Sum(entry => entry?[2] ?? 0));
    }
}

/// <summary>
/// A scored sample: each subnet's scores, their ranking, the valid images each was scored on, and how many subnets
/// (and their seconds) came from an earlier attempt's journal.
/// </summary>
internal sealed record ScoredSample(List<SubnetScore> Scores, RankingReport Ranking, int ValidImages, int ResumedSubnets, double ResumedSeconds);
