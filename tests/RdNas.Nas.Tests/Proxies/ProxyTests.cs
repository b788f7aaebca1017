using RdNas.Nas.Data;
using RdNas.Nas.Evaluation.Metrics;
using RdNas.Nas.GroundTruth;
using RdNas.Nas.Proxies;
using RdNas.Nas.Randomness;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;
using TorchSharp;
using static TorchSharp.torch;

namespace RdNas.Nas.Tests.Proxies;

public sealed class ProxyTests
{
    private const string AllConv3x3 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|";

    [Fact]
    public void LayerMetrics_TwoLayerLinearNetwork_SynflowSumsByHand()
    {
        // f(x) = W2·(W1·x), x = (1, 1), W1 = [[1, 2], [3, 4]], W2 = [[1, 1]]: h = (3, 7), R = 10.
        // ∂R/∂W2 = h → Σ W2⊙g = 10; ∂R/∂W1[j,k] = W2[j]·x[k] = 1 → Σ W1⊙g = 10. Synflow = 20.
        using var network = nn.Sequential(("first", nn.Linear(2, 2, hasBias: false)), ("second", nn.Linear(2, 1, hasBias: false)));
        using (no_grad())
        {
            var weights = LayerMetrics.Weights(network).ToList();
            weights[0].copy_(tensor(new[] { 1f, 2f, 3f, 4f }).reshape(2, 2));
            weights[1].copy_(tensor(new[] { 1f, 1f }).reshape(1, 2));
        }

        network.forward(ones(1, 2)).sum().backward();

        Assert.Equal(20, LayerMetrics.SumOverWeights(network, (weight, grad) => (weight * grad).abs()), 9);
    }

    [Fact]
    public void Score_DisconnectedCell_IsTheLowestScoreForEveryProxy()
    {
        var scorer = new ProxyScorer(Nb201SupernetOptions.Benchmark with { Width = 4, CellsPerStage = 1 }, seed: 0);
        var cut = Nb201Genotype.Parse("|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|nor_conv_3x3~2|");

        Assert.True(cut.IsDisconnected);
        Assert.All(ProxyRegistry.Names, name => Assert.Equal(ProxyScorer.LowestScore, scorer.Score(ProxyRegistry.Get(name), cut)));
    }

    [Fact]
    public void IsDisconnected_PathThroughSkip_IsConnected()
    {
        Assert.False(Nb201Genotype.Parse("|skip_connect~0|+|none~0|none~1|+|none~0|avg_pool_3x3~1|none~2|").IsDisconnected);
    }

    [Fact]
    public void Synflow_SameSeed_SameScore_MoreConvolutions_HigherScore()
    {
        var scorer = new ProxyScorer(Nb201SupernetOptions.Benchmark with { Width = 4, CellsPerStage = 1 }, seed: 3);
        var synflow = ProxyRegistry.Get("synflow");
        var convs = Nb201Genotype.Parse(AllConv3x3);
        var skips = Nb201Genotype.Parse("|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|");

        var first = scorer.Score(synflow, convs);

        Assert.Equal(first, scorer.Score(synflow, convs));
        Assert.True(first > scorer.Score(synflow, skips));
    }

    [Fact]
    public void Score_EveryProxyOnATinyNetwork_IsFiniteAndRepeatable()
    {
        var pixels = new byte[32 * Cifar10Images.PixelBytes];
        new Random(4).NextBytes(pixels);
        var images = new Cifar10Images(pixels, [.. Enumerable.Range(0, 32).Select(i => (byte)(i % 10))]);
        using var batch = ProxyBatch.FromTrainHalf(images, TrainValidSplit.Create(32, 0), seed: 1, size: 8);
        var scorer = new ProxyScorer(Nb201SupernetOptions.Benchmark with { Width = 4, CellsPerStage = 1 }, seed: 2, batch);
        var cell = Nb201Genotype.Parse("|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|");

        foreach (var name in ProxyRegistry.Names)
        {
            var proxy = ProxyRegistry.Get(name);
            var first = scorer.Score(proxy, cell);
            Assert.True(double.IsFinite(first), $"{name} gave {first}");
            Assert.Equal(first, scorer.Score(proxy, cell));
        }
    }

    [Fact]
    public void Score_DataProxyWithoutBatch_NamesTheProxy()
    {
        var scorer = new ProxyScorer(Nb201SupernetOptions.Benchmark with { Width = 4, CellsPerStage = 1 }, seed: 0);

        var error = Assert.Throws<InvalidOperationException>(() => scorer.Score(ProxyRegistry.Get("nwot"), Nb201Genotype.Parse(AllConv3x3)));

        Assert.Contains("proxy nwot needs real images", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_UnknownName_ListsTheValidOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => ProxyRegistry.Get("synflo"));

        Assert.Contains("unknown proxy 'synflo' (expected one of params, flops, synflow, snip, grad_norm, plain, jacov, nwot)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_RepeatedName_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => ProxyRegistry.Parse("flops, synflow,flops"));

        Assert.Contains("'flops' is listed twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("params", 0.99)]
    [InlineData("flops", 0.99)]
    [InlineData("synflow", 0.99)]
    [InlineData("snip", 0.90)]
    [InlineData("grad_norm", 0.90)]
    [InlineData("jacov", 0.90)]
    [InlineData("nwot", 0.90)]
    public void Proxy_FiftyPublishedCells_AgreesWithNasBenchSuiteZero(string name, double minimumSpearman)
    {
        var data = TestData.Real();
        var table = Nb201GroundTruth.Load(data);
        var images = Cifar10BinaryReader.ReadTrain(data);
        using var batch = ProxyBatch.FromTrainHalf(images, TrainValidSplit.Create(images.Count, 0), seed: 0);
        var column = $"{name}_c10";
        var generator = new SeededGenerator(50);
        var cells = new Nb201SearchSpace(5).Enumerate().Where(c => !double.IsNaN(table.Lookup(c, column))).ToArray();
        generator.Shuffle<Nb201Genotype>(cells);
        var sample = cells[..50];
        var scorer = new ProxyScorer(Nb201SupernetOptions.Benchmark, seed: 0, batch);
        var proxy = ProxyRegistry.Get(name);

        var ours = sample.Select(c => scorer.Score(proxy, c)).ToArray();
        var published = sample.Select(c => table.Lookup(c, column)).ToArray();

        Assert.True(SpearmanRho.Compute(ours, published) >= minimumSpearman, $"{name}: Spearman {SpearmanRho.Compute(ours, published):F4} < {minimumSpearman}");
    }
}
