using RdNas.Nas.GroundTruth;
using RdNas.Nas.SearchSpaces.ResNet48;

namespace RdNas.Nas.Tests.GroundTruth;

public sealed class Track1SubmissionTests
{
    private static readonly Track1Architecture[] s_architectures =
    [
        new("arch1", ResNet48Genotype.Parse("1252233313000000223212122253130000000000006515000000"), 0),
        new("arch2", ResNet48Genotype.Parse("1447233323333300331313230025153545153545003252000000"), 0),
    ];

    [Fact]
    public void Write_ReadsBackAsATrack1FileWithTheScoresAsAccuracies()
    {
        var path = Path.Combine(TestData.TempFolder(), "submission.json");

        Track1Submission.Write(path, s_architectures, [2105.099904, -0.5]);

        var read = Track1Architectures.Load(path);
        Assert.Equal(s_architectures.Select(a => (a.Name, a.Genotype)), read.Select(a => (a.Name, a.Genotype)));
        Assert.Equal([2105.099904, -0.5], read.Select(a => a.Accuracy));
    }

    [Fact]
    public void Write_ScoreCountOrValueWrong_SaysWhich()
    {
        var path = Path.Combine(TestData.TempFolder(), "submission.json");

        Assert.Contains("2 architectures but 1 scores", Assert.Throws<ArgumentException>(() => Track1Submission.Write(path, s_architectures, [1])).Message, StringComparison.Ordinal);
        Assert.Contains("arch2: score NaN is not a finite number", Assert.Throws<ArgumentException>(() => Track1Submission.Write(path, s_architectures, [1, double.NaN])).Message, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }
}
