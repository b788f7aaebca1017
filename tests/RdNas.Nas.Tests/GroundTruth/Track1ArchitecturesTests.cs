using RdNas.Nas.Data;
using RdNas.Nas.GroundTruth;

namespace RdNas.Nas.Tests.GroundTruth;

public sealed class Track1ArchitecturesTests
{
    private const string CodeA = "1252233313000000223212122253130000000000006515000000";
    private const string CodeB = "1447233323333300331313230025153545153545003252000000";

    [Fact]
    public void Load_SmallFile_ReadsEntriesInFileOrder()
    {
        var entries = Track1Architectures.Load(Write($$$"""{"arch2": {"acc": 72.76, "arch": "{{{CodeB}}}"}, "arch1": {"acc": 0.0, "arch": "{{{CodeA}}}"}}"""));

        Assert.Equal(["arch2", "arch1"], entries.Select(e => e.Name));
        Assert.Equal(CodeB, entries[0].Genotype.Code);
        Assert.Equal(72.76, entries[0].Accuracy);
    }

    [Fact]
    public void Load_InvalidCode_NamesFileEntryAndDigit()
    {
        var path = Write($$$"""{"arch1": {"acc": 0, "arch": "{{{CodeA}}}"}, "arch7": {"acc": 0, "arch": "{{{CodeA[..51]}}}9"}}""");

        var error = Assert.Throws<InvalidDataException>(() => Track1Architectures.Load(path));

        Assert.Contains($"{path}: entry 'arch7': invalid architecture", error.Message, StringComparison.Ordinal);
        Assert.Contains("stage 4 block 5: '09' in an unused block", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"arch1": {"acc": 0}}""", "entry 'arch1' needs a string 'arch' and a number 'acc'")]
    [InlineData("""[1, 2]""", "expected an object of entries")]
    [InlineData("""{"arch1": """, "not a JSON file")]
    public void Load_MalformedFile_SaysWhatWasExpected(string content, string message)
    {
        var error = Assert.Throws<InvalidDataException>(() => Track1Architectures.Load(Write(content)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RepeatedArchitecture_NamesTheEntry()
    {
        var error = Assert.Throws<InvalidDataException>(
            () => Track1Architectures.Load(Write($$$"""{"arch1": {"acc": 0, "arch": "{{{CodeA}}}"}, "arch2": {"acc": 0, "arch": "{{{CodeA}}}"}}""")));

        Assert.Contains($"entry 'arch2' repeats architecture {CodeA}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadTestSet_MissingFile_NamesItAndTheDataVariable()
    {
        var error = Assert.Throws<DataNotFoundException>(() => Track1Architectures.LoadTestSet(new DataDirectory(TestData.TempFolder())));

        Assert.Contains("missing cvpr2022_track1/CVPR_2022_NAS_Track1_test.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("RDNAS_DATA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadTestSet_RealFile_Has45000DistinctValidArchitectures()
    {
        var entries = Track1Architectures.LoadTestSet(TestData.Real());

        Assert.Equal(45_000, entries.Count);
        Assert.Equal(("arch1", CodeA), (entries[0].Name, entries[0].Genotype.Code));
        Assert.Equal("arch45000", entries[^1].Name);
        Assert.All(entries, e => Assert.Equal(0.0, e.Accuracy));
    }

    [Fact]
    public void LoadStandalone_RealFile_Has30AccuraciesOfTheTestSetsFirstArchitectures()
    {
        var standalone = Track1Architectures.LoadStandalone(TestData.Real());
        var testSet = Track1Architectures.LoadTestSet(TestData.Real());

        Assert.Equal(30, standalone.Count);
        Assert.Equal(70.4, standalone[0].Accuracy, 6);
        Assert.All(standalone, s => Assert.InRange(s.Accuracy, 60, 80));
        Assert.Equal(testSet.Take(30).Select(t => (t.Name, t.Genotype)), standalone.Select(s => (s.Name, s.Genotype)));
    }

    private static string Write(string content)
    {
        var path = Path.Combine(TestData.TempFolder(), "track1.json");
        File.WriteAllText(path, content);
        return path;
    }
}
