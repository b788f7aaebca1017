using RdNas.Nas.Data;
using RdNas.Nas.GroundTruth;

namespace RdNas.Nas.Tests.GroundTruth;

public sealed class Track1SelectionTests
{
    private const string CodeA = "1252233313000000223212122253130000000000006515000000";
    private const string CodeB = "1447233323333300331313230025153545153545003252000000";
    private const string CodeC = "1526421212322232112100000014443444143400006666764600";

    [Fact]
    public void Resolve_AllFirstAndStandalone_ReadTheTrack1Files()
    {
        var data = SmallData();

        Assert.Equal(["arch1", "arch2", "arch3"], Track1Selection.Resolve("all", data).Select(a => a.Name));
        Assert.Equal(["arch1", "arch2"], Track1Selection.Resolve("first:2", data).Select(a => a.Name));
        var standalone = Track1Selection.Resolve("standalone", data);
        Assert.Equal([CodeA, CodeC], standalone.Select(a => a.Genotype.Code));
    }

    [Fact]
    public void Resolve_File_KeepsTestSetNamesAndNamesOthersByLine()
    {
        var data = SmallData();
        var path = Path.Combine(data.Root, "codes.txt");
        var other = "1222211111000000111100000011110000000000001111000000";
        File.WriteAllLines(path, ["# two codes", CodeB, "", other]);

        var selected = Track1Selection.Resolve($"file:{path}", data);

        Assert.Equal([("arch2", CodeB), ("line4", other)], selected.Select(a => (a.Name, a.Genotype.Code)));
    }

    [Theory]
    [InlineData("first:4", "--archs first:4: N must be a whole number from 1 to 3")]
    [InlineData("some", "--archs some: expected all, first:N, standalone or file:PATH")]
    public void Resolve_BadSelection_SaysWhatIsAllowed(string selection, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Track1Selection.Resolve(selection, SmallData()));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Resolve_FileWithABadCode_NamesTheFileAndLine()
    {
        var data = SmallData();
        var path = Path.Combine(data.Root, "codes.txt");
        File.WriteAllLines(path, [CodeA, CodeA[..51] + "9"]);

        var error = Assert.Throws<ArgumentException>(() => Track1Selection.Resolve($"file:{path}", data));

        Assert.StartsWith($"{path}:2: ", error.Message, StringComparison.Ordinal);
    }

    private static DataDirectory SmallData()
    {
        var root = TestData.TempFolder();
        Directory.CreateDirectory(Path.Combine(root, "cvpr2022_track1"));
        File.WriteAllText(Path.Combine(root, Track1Architectures.TestSetPath), $$$"""
            {"arch1": {"acc": 0.0, "arch": "{{{CodeA}}}"}, "arch2": {"acc": 0.0, "arch": "{{{CodeB}}}"}, "arch3": {"acc": 0.0, "arch": "{{{CodeC}}}"}}
            """);
        File.WriteAllText(Path.Combine(root, Track1Architectures.StandalonePath), $$$"""
            {"arch1": {"acc": 70.4, "arch": "{{{CodeA}}}"}, "arch3": {"acc": 72.6, "arch": "{{{CodeC}}}"}}
            """);
        return new DataDirectory(root);
    }
}
