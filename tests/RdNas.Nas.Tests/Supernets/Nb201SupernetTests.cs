using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;
using static TorchSharp.torch;

namespace RdNas.Nas.Tests.Supernets;

public sealed class Nb201SupernetTests
{
    private const string MixedCell = "|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|avg_pool_3x3~0|skip_connect~1|nor_conv_3x3~2|";

    [Fact]
    public void Forward_TinySupernet_LogitsPerImageAndClass()
    {
        using var model = Nb201NetworkFactory.Create(new Nb201SupernetOptions(Width: 4, CellsPerStage: 1), seed: 0);
        using var generator = TestGenerator.Create();
        using var input = randn([3, 3, 32, 32], ScalarType.Float32, generator: generator);

        using var logits = model.forward(input, Nb201Genotype.Parse(MixedCell));

        Assert.Equal(new long[] { 3, 10 }, logits.shape);
        Assert.True(logits.isfinite().all().item<bool>());
    }

    [Fact]
    public void Backward_SinglePath_OnlyChosenOpsGetGradients()
    {
        using var model = Nb201NetworkFactory.Create(new Nb201SupernetOptions(Width: 4, CellsPerStage: 1), seed: 0);
        using var generator = TestGenerator.Create();
        using var input = randn([2, 3, 32, 32], ScalarType.Float32, generator: generator);
        var genotype = Nb201Genotype.Parse(MixedCell);

        model.forward(input, genotype).sum().backward();

        var withGradient = model.named_parameters().Where(p => p.parameter.grad is not null).Select(p => p.name).ToList();
        Assert.Contains(withGradient, name => name.Contains("candidates.nor_conv_3x3", StringComparison.Ordinal));
        Assert.Contains(withGradient, name => name.Contains("candidates.nor_conv_1x1", StringComparison.Ordinal));

        // Edge 0 (1←0) runs nor_conv_3x3: its nor_conv_1x1 candidate must be untouched.
        Assert.DoesNotContain(withGradient, name => name.Contains("edges.0.candidates.nor_conv_1x1", StringComparison.Ordinal));
    }

    [Fact]
    public void Forward_AllNoneCell_GivesZeroCellOutputAndFiniteLogits()
    {
        using var model = Nb201NetworkFactory.Create(new Nb201SupernetOptions(Width: 4, CellsPerStage: 1, OpCount: 5), seed: 0);
        using var generator = TestGenerator.Create();
        using var input = randn([2, 3, 32, 32], ScalarType.Float32, generator: generator);

        using var logits = model.forward(input, Nb201Genotype.Parse("|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"));

        Assert.True(logits.isfinite().all().item<bool>());
    }

    [Fact]
    public void Forward_NoneInFourOpSupernet_IsAnErrorNamingTheOp()
    {
        using var model = Nb201NetworkFactory.Create(new Nb201SupernetOptions(Width: 4, CellsPerStage: 1), seed: 0);
        using var generator = TestGenerator.Create();
        using var input = randn([1, 3, 32, 32], ScalarType.Float32, generator: generator);

        var error = Assert.Throws<ArgumentException>(() =>
            model.forward(input, Nb201Genotype.Parse("|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|avg_pool_3x3~0|none~1|nor_conv_3x3~2|")));

        Assert.Contains("none is not a candidate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_BenchmarkShape_HasNb201ParameterCount()
    {
        using var model = Nb201NetworkFactory.Create(new Nb201SupernetOptions(Width: 16, CellsPerStage: 5, OpCount: 5), seed: 0);

        // Every edge holds both convolutions: per cell 6·(C²·9 + C²) weights; BN in cells has no affine parameters.
        long cells = 0;
        foreach (var c in new long[] { 16, 32, 64 })
        {
            cells += 5 * 6 * ((c * c * 9) + (c * c));
        }

        long stem = (3 * 16 * 9) + (2 * 16);
        long reductions = ReductionParameters(16, 32) + ReductionParameters(32, 64);
        long head = (2 * 64) + (64 * 10) + 10;
        Assert.Equal(cells + stem + reductions + head, model.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void Constructor_PlainReductions_DropOnlyTheReductionBatchNormsScaleAndShift()
    {
        using var affine = Nb201NetworkFactory.Create(new Nb201SupernetOptions(Width: 4, CellsPerStage: 1), seed: 0);
        using var plain = Nb201NetworkFactory.Create(new Nb201SupernetOptions(Width: 4, CellsPerStage: 1) { ReductionAffine = false }, seed: 0);

        // Each reduction block has two BNs of its output width: 2·2·(8 + 16) scale-and-shift parameters in all.
        Assert.Equal(2 * 2 * (8 + 16), affine.parameters().Sum(p => p.numel()) - plain.parameters().Sum(p => p.numel()));
        static bool ReductionScale(string key) => key.StartsWith("reductions.", StringComparison.Ordinal) && key.EndsWith("bn.weight", StringComparison.Ordinal);
        Assert.Contains(affine.state_dict().Keys, ReductionScale);
        Assert.DoesNotContain(plain.state_dict().Keys, ReductionScale);
    }

    [Fact]
    public void Options_ZeroWidth_NamesTheField()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Nb201SupernetOptions(Width: 0).Validate());

        Assert.Equal("Width", error.ParamName);
    }

    [Fact]
    public void Features_InputDownsampledByTwo_IsTheFullResolutionNetworkOnThePooledImages()
    {
        using var full = Nb201NetworkFactory.Create(new Nb201SupernetOptions(Width: 4, CellsPerStage: 1), seed: 0);
        using var halved = Nb201NetworkFactory.Create(new Nb201SupernetOptions(Width: 4, CellsPerStage: 1) { InputDownsample = 2 }, seed: 0);
        full.eval();
        halved.eval();
        using var generator = TestGenerator.Create();
        using var input = randn([2, 3, 32, 32], ScalarType.Float32, generator: generator);
        var genotype = Nb201Genotype.Parse(MixedCell);

        using var features = halved.Features(input, genotype);
        using var pooled = nn.functional.avg_pool2d(input, 2);
        using var expected = full.Features(pooled, genotype);

        // Stage 3 of a 16×16 input is 4×4; the same weights see exactly the 2×2-averaged image.
        Assert.Equal(new long[] { 2, 16, 4, 4 }, features.shape);
        Assert.True(features.allclose(expected, rtol: 0, atol: 1e-6));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Options_DownsampleNotDividingTheImage_NamesTheField(int factor)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Nb201SupernetOptions { InputDownsample = factor }.Validate());

        Assert.Equal("InputDownsample", error.ParamName);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(1.0)]
    public void Options_HeadDropoutOutsideZeroToOne_NamesTheField(double probability)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Nb201SupernetOptions { HeadDropout = probability }.Validate());

        Assert.Equal("HeadDropout", error.ParamName);
    }

    private static long ReductionParameters(long cin, long cout) =>
        (cin * cout * 9) + (2 * cout) + (cout * cout * 9) + (2 * cout) + (cin * cout);
}
