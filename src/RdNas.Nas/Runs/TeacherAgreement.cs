using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.Proxies;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Teachers;

namespace RdNas.Nas.Runs;

/// <summary>
/// An RD-NAS run's teacher on the run's own evaluated subnets (<see cref="TeacherFit"/>): how well it ranks them, the
/// bar a student has to clear for the distillation to have added anything of the supernet's own, and how closely the
/// student follows it. Reads the teacher cache only, never scores, and reads each teacher once however many runs share it.
/// </summary>
/// <param name="cacheDirectory">The teacher cache the runs trained with.</param>
public sealed class TeacherAgreement(string cacheDirectory)
{
    private readonly Dictionary<(string Teacher, int OpCount), TeacherScores?> _teachers = [];

    /// <summary>
    /// The teacher of <paramref name="run"/> (or, when named, <paramref name="teacher"/>: a SPOS run's agreement with
    /// the teacher it never saw is the baseline a student's is read against) on the run's subnets; null when there is
    /// no teacher, fewer than two subnets, or the teacher (seed 0, the one runs train with) is not in the cache.
    /// </summary>
    public TeacherFit? Of(RunRecord run, string? teacher = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        teacher ??= run.Teacher;
        if (teacher is null || run.Subnets.Count < 2 || Load(teacher, run.OpCount) is not { } scores)
        {
            return null;
        }

        var teacherScores = run.Subnets.Select(s => scores[Parse(run, s.Arch)]).ToArray();
        return new TeacherFit(
            KendallTau.Compute(teacherScores, [.. run.Subnets.Select(s => s.GroundTruth)]),
            KendallTau.Compute([.. run.Subnets.Select(s => s.SupernetAccuracy)], teacherScores));
    }

    private TeacherScores? Load(string teacher, int opCount)
    {
        if (!_teachers.TryGetValue((teacher, opCount), out var scores))
        {
            scores = TeacherScores.TryLoadCached(ProxyColumn.Parse(teacher), new Nb201SearchSpace(opCount), seed: 0, cacheDirectory);
            _teachers[(teacher, opCount)] = scores;
        }

        return scores;
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
