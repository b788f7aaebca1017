using RdNas.Nas.Runs;

namespace RdNas.Bench;

/// <summary>
/// How far training moved each supernet toward a teacher: Kendall τ between the run's supernet accuracies and the
/// teacher's scores on the run's evaluated subnets (<see cref="TeacherAgreement"/>, which <c>rdnas compare</c> shows
/// for RD-NAS runs). Here any run can be held against any cached teacher: a SPOS run gives the agreement without
/// distillation, so an RD-NAS student's excess over it is what the ranking loss transferred.
/// </summary>
internal static class StudentTeacherAgreement
{
    public static void Run(string teacherName, IEnumerable<string> runDirectories)
    {
        var agreement = new TeacherAgreement(TrainingRunSpec.DefaultTeacherCache);
        Console.WriteLine($"| run | method | τ(supernet, {teacherName}) | τ(supernet, ground truth) |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var run in runDirectories.Select(RunRecord.Read))
        {
            var fit = agreement.Of(run, teacherName) ?? throw CachedTeacher.NotCached(teacherName);
            Console.WriteLine($"| {Path.GetFileName(run.Directory)} | {run.Configuration} | {TableFormat.Tau(fit.StudentTau)} | {TableFormat.Tau(run.Ranking.KendallTau)} |");
        }
    }
}
