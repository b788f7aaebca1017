using System.Globalization;
using RdNas.Nas.Data;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Randomness;
using RdNas.Nas.Sampling;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Bench;

/// <summary>
/// What each RD-NAS pair sampler feeds the ranking loss, over the whole 4-op space (not the evaluation draw): the pairs'
/// mean group distance, the share of pairs the teacher orders by their 1×1 convolutions alone (equal 3×3 counts,
/// different 1×1 counts: the contrast the supernets misjudge), and how often the teacher orders a pair as the
/// benchmark's <c>cifar10_valid</c> does (the sampler's premise: distant pairs are ones the teacher orders right).
/// Reads the teacher from its cache (seed 0, as runs train with). Prints markdown rows.
/// </summary>
internal static class PairMix
{
    public static void Run(string teacherName, int pairs, long seed)
    {
        var space = new Nb201SearchSpace(4);
        var teacher = CachedTeacher.Load(teacherName);
        var truth = Nb201GroundTruth.Load(DataDirectory.Resolve(null));
        Console.WriteLine($"| pairs ({pairs:N0}, seed {seed}) | mean group distance | equal 3×3, different 1×1 | {teacherName} orders as cifar10_valid | ties in {teacherName} |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var sampler in new[] { DistancePairSampler.Random(space), DistancePairSampler.Hamming(space), DistancePairSampler.Margin(space) })
        {
            var generator = new SeededGenerator(seed);
            double distance = 0, byOneByOne = 0, agree = 0, ties = 0;
            for (var i = 0; i < pairs; i++)
            {
                var (a, b) = sampler.NextPair(generator);
                distance += GroupDistance.Between(a, b);
                byOneByOne += Count(a, Nb201Op.NorConv3x3) == Count(b, Nb201Op.NorConv3x3) && Count(a, Nb201Op.NorConv1x1) != Count(b, Nb201Op.NorConv1x1) ? 1 : 0;
                var predicted = Math.Sign(teacher[a] - teacher[b]);
                ties += predicted == 0 ? 1 : 0;
                agree += predicted != 0 && predicted == Math.Sign(truth.Lookup(a, "cifar10_valid") - truth.Lookup(b, "cifar10_valid")) ? 1 : 0;
            }

            string Share(double count) => (count / pairs).ToString("P1", CultureInfo.InvariantCulture);
            Console.WriteLine($"| {sampler.Name} | {(distance / pairs).ToString("F2", CultureInfo.InvariantCulture)} | {Share(byOneByOne)} | {Share(agree)} | {Share(ties)} |");
        }
    }

    private static int Count(Nb201Genotype cell, Nb201Op op) => cell.Ops().Count(o => o == op);
}
