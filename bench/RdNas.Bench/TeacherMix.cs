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
    /// <summary>The supernet's weights w the table scores, from the teacher alone (0) to the supernet alone (1).</summary>
    public static IReadOnlyList<double> Weights { get; } = [0, 0.001, 0.1, 0.2, 0.3, 0.5, 0.7, 1];

    public static void Run(string teacherName, IEnumerable<string> runDirectories)
    {
        var teacher = CachedTeacher.Load(teacherName);
        Console.WriteLine($"| run | {string.Join(" | ", Weights.Select(w => $"w = {w}"))} | best |");
        Console.WriteLine($"|---|{string.Concat(Weights.Select(_ => "---|"))}---|");
        foreach (var run in runDirectories.Select(RunRecord.Read))
        {
            var taus = Measure(run, arch => teacher[arch]);
            Console.WriteLine($"| {Path.GetFileName(run.Directory)} | {string.Join(" | ", taus.Select(TableFormat.Tau))} | {TableFormat.Tau(taus.Max())} |");
        }
    }

    /// <summary>τ against the ground truth of the mixed order of <paramref name="run"/>'s subnets, one per <see cref="Weights"/> entry.</summary>
    public static double[] Measure(RunRecord run, Func<Nb201Genotype, double> teacher)
    {
        var truth = run.Subnets.Select(s => s.GroundTruth).ToArray();
        var supernetRanks = SpearmanRho.AverageRanks([.. run.Subnets.Select(s => s.SupernetAccuracy)]);
        var teacherRanks = SpearmanRho.AverageRanks([.. run.Subnets.Select(s => teacher(Nb201Genotype.Parse(s.Arch)))]);
        return [.. Weights.Select(w => KendallTau.Compute([.. supernetRanks.Zip(teacherRanks, (s, t) => (w * s) + ((1 - w) * t))], truth))];
    }
}
