using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Bench.Tests;

public sealed class TeacherMixTests
{
    [Fact]
    public void Measure_RightTeacherAndReversedSupernet_TeacherUpToHalfThenSupernet()
    {
        var run = SyntheticRuns.Run("reversed", [6, 5, 4, 3, 2, 1]);

        var taus = TeacherMix.Measure(run, Teacher([1, 2, 3, 4, 5, 6]));

        // rank mix w·(7 − t) + (1 − w)·t rises with the teacher's rank t below w = 0.5 and falls above it.
        Assert.Equal(TeacherMix.Weights.Count, taus.Length);
        for (var i = 0; i < taus.Length; i++)
        {
            var w = TeacherMix.Weights[i];
            if (w != 0.5)
            {
                Assert.Equal(w < 0.5 ? 1 : -1, taus[i], 12);
            }
        }
    }

    [Fact]
    public void Measure_TiedTeacher_TheSmallestWeightBreaksItsTiesBySupernet()
    {
        var run = SyntheticRuns.Run("right", [1, 2, 3, 4, 5, 6]);
        double[] tiedTeacher = [1, 1, 2, 2, 3, 3];

        var taus = TeacherMix.Measure(run, Teacher(tiedTeacher));

        Assert.Equal(KendallTau.Compute(tiedTeacher, [1, 2, 3, 4, 5, 6]), taus[0], 12);
        Assert.True(taus[0] < 1);
        Assert.Equal(0.001, TeacherMix.Weights[1]);
        Assert.Equal(1, taus[1], 12);
        Assert.Equal(1, taus[^1], 12);
    }

    /// <summary>A teacher scoring <see cref="SyntheticRuns.Archs"/>[i] at <paramref name="scores"/>[i].</summary>
    private static Func<Nb201Genotype, double> Teacher(double[] scores)
    {
        var byArch = SyntheticRuns.Archs.Select((arch, i) => (arch, score: scores[i])).ToDictionary(p => Nb201Genotype.Parse(p.arch).ToString(), p => p.score, StringComparer.Ordinal);
        return genotype => byArch[genotype.ToString()];
    }
}
