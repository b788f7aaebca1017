using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.Runs;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Bench;

/// <summary>
/// How much a supernet's own ranking could add to a teacher's: τ against the ground truth of w · rank(supernet) +
/// (1 − w) · rank(teacher) over a grid of weights w, per run. w = 0 is the teacher alone, w = 0.001 the teacher with
/// its ties broken by the supernet, w = 1 the supernet alone.
/// The best w is chosen on the ground truth, so the row's maximum is an upper bound on what any student that mixes
/// the two orders could reach: if it barely clears the teacher, a student can beat its teacher only by learning
/// something neither ranking holds.
/// </summary>
internal static class TeacherMix
{
    private static readonly double[] Weights = [0, 0.001, 0.1, 0.2, 0.3, 0.5, 0.7, 1];

    public static void Run(string teacherName, IEnumerable<string> runDirectories)
    {
        var teacher = CachedTeacher.Load(teacherName);
        Console.WriteLine($"| run | {string.Join(" | ", Weights.Select(w => $"w = {w}"))} | best |");
        Console.WriteLine($"|---|{string.Concat(Weights.Select(_ => "---|"))}---|");
        foreach (var run in runDirectories.Select(RunRecord.Read))
        {
            var truth = run.Subnets.Select(s => s.GroundTruth).ToArray();
            var supernetRanks = SpearmanRho.AverageRanks([.. run.Subnets.Select(s => s.SupernetAccuracy)]);
            var teacherRanks = SpearmanRho.AverageRanks([.. run.Subnets.Select(s => teacher[Nb201Genotype.Parse(s.Arch)])]);
            var taus = Weights
                .Select(w => KendallTau.Compute([.. supernetRanks.Zip(teacherRanks, (s, t) => (w * s) + ((1 - w) * t))], truth))
                .ToArray();
            Console.WriteLine($"| {Path.GetFileName(run.Directory)} | {string.Join(" | ", taus.Select(TableFormat.Tau))} | {TableFormat.Tau(taus.Max())} |");
        }
    }
}
