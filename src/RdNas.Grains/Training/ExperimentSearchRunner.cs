using RdNas.Abstractions.Experiments;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Runs;
using RdNas.Nas.Search;

namespace RdNas.Grains.Training;

/// <summary>
/// The search an experiment runs after its evaluation: the finished run's supernet scores cells exactly as the
/// evaluation scored its sample, in the run's <see cref="TrainingRunSpec.SearchDirectory"/>, where the score journal
/// lets a worker that takes over after a lost silo go on from the cells already paid for.
/// </summary>
internal static class ExperimentSearchRunner
{
    /// <summary>
    /// Runs <paramref name="search"/> on the calling thread; returns the contents of search.json and search_trace.csv,
    /// and the cells it scored (evolution can stop short of its budget when it keeps proposing cells it has seen).
    /// </summary>
    public static (string ResultJson, string TraceCsv, int Evaluations) Run(TrainingRunSpec run, ExperimentSearchSpec search, IProgress<int> progress, CancellationToken cancellationToken)
    {
        // The journal lives in the run folder, so the folder names the supernet; not by its path, which differs on the
        // silo that takes over, nor by the experiment id, which differs when rdnas train resumes an embedded run.
        using var supernet = TrainedSupernet.Open(run.OutputDirectory, run.Data, $"of this run folder, seed {run.Preset.Training.Seed}", run.TrainingDevice.Resolve());
        var strategy = SearchStrategies.Create(search.Strategy, supernet.Space, search.Budget, search.Seed, search.Population, search.Tournament);
        var journalled = JournalledSearch.Open(run.SearchDirectory, strategy, supernet.Accuracy, supernet.Description, supernet.Space);
        var result = journalled.Run(Nb201GroundTruth.Load(run.Data), run.GroundTruthColumn, progress, cancellationToken);
        return (File.ReadAllText(Path.Combine(journalled.Output, SearchResultWriter.ResultFile)), File.ReadAllText(Path.Combine(journalled.Output, SearchResultWriter.TraceFile)), result.Evaluations);
    }
}
