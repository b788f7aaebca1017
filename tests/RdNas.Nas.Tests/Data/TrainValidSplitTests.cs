using RdNas.Nas.Data;

namespace RdNas.Nas.Tests.Data;

public sealed class TrainValidSplitTests
{
    [Fact]
    public void Create_FiftyThousand_TwentyFiveThousandEachDisjoint()
    {
        var split = TrainValidSplit.Create(50_000, 0);

        Assert.Equal(25_000, split.Train.Length);
        Assert.Equal(25_000, split.Valid.Length);
        Assert.Equal(50_000, split.Train.Concat(split.Valid).Distinct().Count());
    }

    [Fact]
    public void Create_SameSeed_SameSplit_OtherSeed_OtherSplit()
    {
        Assert.Equal(TrainValidSplit.Create(1_000, 4).Train, TrainValidSplit.Create(1_000, 4).Train);
        Assert.NotEqual(TrainValidSplit.Create(1_000, 4).Train, TrainValidSplit.Create(1_000, 5).Train);
    }

    [Fact]
    public void Create_OddCount_TrainGetsTheExtraImage()
    {
        var split = TrainValidSplit.Create(7, 1);

        Assert.Equal(4, split.Train.Length);
        Assert.Equal(3, split.Valid.Length);
    }
}
