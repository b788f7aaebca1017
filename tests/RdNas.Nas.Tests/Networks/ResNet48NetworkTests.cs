using RdNas.Nas.Modules;
using RdNas.Nas.Networks.ResNet48;
using RdNas.Nas.SearchSpaces.ResNet48;
using static TorchSharp.torch;

namespace RdNas.Nas.Tests.Networks;

public sealed class ResNet48NetworkTests
{
    private const string Arch1 = "1252233313000000223212122253130000000000006515000000";

    [Theory]
    [InlineData(Arch1, 9_621_328)] // the cost model's count, itself checked against the reference model code
    [InlineData("1222211111000000111100000011110000000000001111000000", 11_689_512)] // full-width depth 2: torchvision's ResNet-18
    public void Parameters_AreTheCostModelsCount(string code, long expected)
    {
        var genotype = ResNet48Genotype.Parse(code);
        using var network = ResNet48Network.Create(genotype, seed: 0);

        var count = network.parameters().Sum(p => p.numel());

        Assert.Equal(expected, count);
        Assert.Equal(ResNet48CostModel.ParamsMillions(genotype) * 1e6, count, 3);
    }

    [Fact]
    public void Forward_Side64_GivesLogitsAndATwoByTwoFeatureMapOfTheLastStagesWidth()
    {
        var genotype = ResNet48Genotype.Parse(Arch1);
        using var network = ResNet48Network.Create(genotype, seed: 0);
        network.eval();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var generator = new Generator(1);
        var images = randn([2, 3, 64, 64], ScalarType.Float32, generator: generator);

        var features = network.Features(images);
        var logits = network.forward(images);

        Assert.Equal([2L, genotype.OutputChannels(3), 2, 2], features.shape);
        Assert.Equal([2L, 1000], logits.shape);
    }

    [Fact]
    public void Features_SideNotAMultipleOf32_ErrorNamesTheShape()
    {
        using var network = ResNet48Network.Create(ResNet48Genotype.Parse(Arch1), seed: 0);
        using var images = zeros([1, 3, 48, 48], ScalarType.Float32);

        var error = Assert.Throws<ArgumentException>(() => network.Features(images));

        Assert.Contains("sides a multiple of 32, got (1, 3, 48, 48)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SameSeed_SameWeights_WithoutBatchNorm_NoBatchNormLayers()
    {
        var genotype = ResNet48Genotype.Parse(Arch1);
        using var first = ResNet48Network.Create(genotype, seed: 5);
        using var second = ResNet48Network.Create(genotype, seed: 5);
        using var other = ResNet48Network.Create(genotype, seed: 6);
        using var bnFree = ResNet48Network.Create(genotype, seed: 5, ScalarType.Float64, batchNorm: false);

        var firstWeights = first.parameters().ToList();
        Assert.All(firstWeights.Zip(second.parameters()), pair => Assert.True(pair.First.equal(pair.Second).all().item<bool>()));
        Assert.False(firstWeights[0].equal(other.parameters().First()).all().item<bool>());
        Assert.Empty(bnFree.modules().OfType<TrackedBatchNorm2d>());
        Assert.All(bnFree.parameters(), p => Assert.Equal(ScalarType.Float64, p.dtype));
        Assert.NotEmpty(first.modules().OfType<TrackedBatchNorm2d>());
    }
}
