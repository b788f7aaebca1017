using RdNas.Nas.GroundTruth;
using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Tests.GroundTruth;

public sealed class Nb201GroundTruthTests
{
    private const string ArchA = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|";
    private const string ArchB = "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|";

    [Fact]
    public void Lookup_SmallTable_ReturnsColumnValueAndNaNForEmpty()
    {
        var table = Nb201GroundTruth.Load(Write($"nb201_index,arch,cifar10_valid,snip_c10\n0,{ArchA},91.5,12.25\n1,{ArchB},10.0,\n"));

        Assert.Equal(2, table.Count);
        Assert.Equal(91.5, table.Lookup(Nb201Genotype.Parse(ArchA), "cifar10_valid"));
        Assert.True(double.IsNaN(table.Lookup(Nb201Genotype.Parse(ArchB), "snip_c10")));
    }

    [Fact]
    public void Lookup_UnknownColumn_ListsColumns()
    {
        var table = Nb201GroundTruth.Load(Write($"arch,cifar10_valid\n{ArchA},91.5\n"));

        var error = Assert.Throws<KeyNotFoundException>(() => table.Lookup(Nb201Genotype.Parse(ArchA), "cifar10_vaild"));

        Assert.Contains("no numeric column 'cifar10_vaild'", error.Message, StringComparison.Ordinal);
        Assert.Contains("cifar10_valid", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lookup_CellNotInTable_NamesTheCell()
    {
        var table = Nb201GroundTruth.Load(Write($"arch,cifar10_valid\n{ArchA},91.5\n"));

        var error = Assert.Throws<KeyNotFoundException>(() => table.Lookup(Nb201Genotype.Parse(ArchB), "cifar10_valid"));

        Assert.Contains(ArchB, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateArch_NamesTheLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => Nb201GroundTruth.Load(Write($"arch,cifar10_valid\n{ArchA},91.5\n{ArchA},90\n")));

        Assert.Contains(":3: duplicate arch", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RowWithMissingField_NamesTheLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => Nb201GroundTruth.Load(Write($"arch,cifar10_valid,x\n{ArchA},91.5\n")));

        Assert.Contains(":2: 2 fields, the header has 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RealTable_HasEveryCellAndTheBenchmarkOptimum()
    {
        var table = Nb201GroundTruth.Load(TestData.Real());
        var space = new Nb201SearchSpace(5);

        Assert.Equal(15_625, table.Count);
        Assert.Equal(94.37, space.Enumerate().Max(cell => table.Lookup(cell, "cifar10_test")), 2);
    }

    private static string Write(string content)
    {
        var path = Path.Combine(TestData.TempFolder(), "table.csv");
        File.WriteAllText(path, content);
        return path;
    }
}
