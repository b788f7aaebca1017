using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.Proxies;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Teachers;

namespace RdNas.Nas.Runs;

/// <summary>
/// How well an RD-NAS run's teacher ranks the run's own evaluated subnets: the bar a student has to clear for the
/// distillation to have added anything of the supernet's own. Reads the teacher cache only, never scores, and reads
/// each teacher once however many runs share it.
/// </summary>
/// <param name="cacheDirectory">The teacher cache the runs trained with.</param>
public sealed class TeacherAgreement(string cacheDirectory)
{
    private readonly Dictionary<(string Teacher, int OpCount), TeacherScores?> _teachers = [];

    /// <summary>
    /// Kendall τ of the teacher's scores against the recorded ground truth on <paramref name="run"/>'s subnets; null
    /// when the run has no teacher, no subnets, or the teacher (seed 0, the one runs train with) is not in the cache.
    /// </summary>
    public double? KendallTauOf(RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Teacher is null || run.Subnets.Count < 2)
        {
            return null;
        }

        if (!_teachers.TryGetValue((run.Teacher, run.OpCount), out var teacher))
        {
            teacher = TeacherScores.TryLoadCached(ProxyColumn.Parse(run.Teacher), new Nb201SearchSpace(run.OpCount), seed: 0, cacheDirectory);
            _teachers[(run.Teacher, run.OpCount)] = teacher;
        }

        return teacher is null
            ? null
            : KendallTau.Compute([.. run.Subnets.Select(s => teacher[Parse(run, s.Arch)])], [.. run.Subnets.Select(s => s.GroundTruth)]);
    }

    private static Nb201Genotype Parse(RunRecord run, string arch)
    {
        try
        {
            return Nb201Genotype.Parse(arch);
        }
        catch (SearchSpaces.ArchitectureFormatException e)
        {
            throw new InvalidDataException($"{Path.Combine(run.Directory, TrainingRunWriter.SubnetsFile)}: {e.Message}", e);
        }
    }
}
