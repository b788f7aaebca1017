using System.Globalization;
using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.Runs;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Bench;

/// <summary>
/// How far training moved each supernet toward a teacher: Kendall τ between the run's supernet accuracies and the
/// teacher's scores on the run's evaluated subnets. A SPOS run gives the agreement without distillation, so an RD-NAS
/// student's excess over it is what the ranking loss transferred. Reads the teacher from its cache (seed 0).
/// </summary>
internal static class StudentTeacherAgreement
{
    public static void Run(string teacherName, IEnumerable<string> runDirectories)
    {
        var teacher = CachedTeacher.Load(teacherName);
        Console.WriteLine($"| run | method | τ(supernet, {teacherName}) | τ(supernet, ground truth) |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var run in runDirectories.Select(RunRecord.Read))
        {
            var supernet = run.Subnets.Select(s => s.SupernetAccuracy).ToArray();
            var scores = run.Subnets.Select(s => teacher[Nb201Genotype.Parse(s.Arch)]).ToArray();
            var agreement = KendallTau.Compute(supernet, scores).ToString("F3", CultureInfo.InvariantCulture);
            Console.WriteLine($"| {Path.GetFileName(run.Directory)} | {run.Method.Label} | {agreement} | {run.Ranking.KendallTau.ToString("F3", CultureInfo.InvariantCulture)} |");
        }
    }
}
