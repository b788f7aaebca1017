namespace RdNas.Bench.Tests;

public sealed class SweepVariantTests
{
    [Fact]
    public void Parse_NoTokens_IsThePlainBudget()
    {
        var variant = SweepVariant.Parse([]);

        Assert.Equal(new SweepVariant(false, false, false, 0.025, 32, 0, null), variant);
        Assert.Equal(string.Empty, variant.Suffix);
    }

    [Fact]
    public void Parse_EveryToken_SetsItsSettingAndNamesItInTheSuffix()
    {
        var variant = SweepVariant.Parse(["update-unused", "affine", "plain-reductions", "lr=0.05", "res=16", "dropout=0.1", "stop=56"]);

        Assert.Equal(new SweepVariant(true, true, true, 0.05, 16, 0.1, 56), variant);
        Assert.Equal("-unused-affine-plainred-lr0.05-res16-dropout0.1", variant.Suffix);
        Assert.Equal("lr=0.05 update_unused=True cell_affine=True plain_reductions=True resolution=16 head_dropout=0.1", variant.ToString());
    }

    [Fact]
    public void Parse_UnknownToken_NamesItAndTheKnownOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => SweepVariant.Parse(["dropout=0.1", "droput=0.2"]));

        Assert.Equal("sweep: unknown token 'droput=0.2' (expected update-unused, affine, plain-reductions, lr=VALUE, res=VALUE, dropout=VALUE, stop=VALUE)", error.Message);
    }
}
