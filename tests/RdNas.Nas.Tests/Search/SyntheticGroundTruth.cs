using System.Globalization;
using System.Text;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Tests.Search;

/// <summary>NB201 tables written by the tests: accuracies that peak at <see cref="SearchScores.Target"/>.</summary>
internal static class SyntheticGroundTruth
{
    /// <summary>6 × (edges matching the target) + the cell's index / 10,000: distinct values, best at the target.</summary>
    public static double Valid(Nb201Genotype genotype, int index) => (6 * SearchScores.Matches(genotype)) + (index / 10_000.0);

    /// <summary>The 4-op space with <see cref="Valid"/> as cifar10_valid and one point less as cifar10_test.</summary>
    public static Nb201GroundTruth FourOpSpace() =>
        Table(new Nb201SearchSpace(4).Enumerate().Select((g, i) => (g, Valid(g, i), Valid(g, i) - 1)));

    /// <summary>A table of <paramref name="rows"/>; a NaN test accuracy leaves the cifar10_test column out.</summary>
    public static Nb201GroundTruth Table(IEnumerable<(Nb201Genotype Cell, double Valid, double Test)> rows)
    {
        var withTest = true;
        var csv = new StringBuilder();
        foreach (var (cell, valid, test) in rows)
        {
            withTest &= !double.IsNaN(test);
            csv.Append(CultureInfo.InvariantCulture, $"{cell},{valid:R}{(double.IsNaN(test) ? "" : $",{test:R}")}\n");
        }

        var path = Path.Combine(TestData.TempFolder(), "nb201.csv");
        File.WriteAllText(path, (withTest ? "arch,cifar10_valid,cifar10_test\n" : "arch,cifar10_valid\n") + csv);
        return Nb201GroundTruth.Load(path);
    }
}
