using RdNas.Nas.Proxies;
using RdNas.Nas.Runs;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Teachers;

namespace RdNas.Bench;

/// <summary>A teacher's scores over the 4-op space as runs train with them (seed 0, the default cache); never scores.</summary>
internal static class CachedTeacher
{
    public static TeacherScores Load(string teacherName) =>
        TeacherScores.TryLoadCached(ProxyColumn.Parse(teacherName), new Nb201SearchSpace(4), seed: 0, TrainingRunSpec.DefaultTeacherCache)
            ?? throw NotCached(teacherName);

    /// <summary>The error for a teacher no run has cached yet.</summary>
    public static InvalidOperationException NotCached(string teacherName) =>
        new($"no cached {teacherName} teacher in {TrainingRunSpec.DefaultTeacherCache}: train one RD-NAS run with --teacher {teacherName} first");
}
