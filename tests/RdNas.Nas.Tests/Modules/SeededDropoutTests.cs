using RdNas.Nas.Modules;
using RdNas.Nas.Randomness;
using static TorchSharp.torch;

namespace RdNas.Nas.Tests.Modules;

public sealed class SeededDropoutTests
{
    [Fact]
    public void Forward_Training_DropsAboutPAndScalesTheRestByOneOverOneMinusP()
    {
        using var dropout = new SeededDropout(0.25) { Generator = new SeededGenerator(3) };
        dropout.train();
        using var input = ones(100, 100, dtype: ScalarType.Float32); // explicit: other tests switch the default dtype while they build

        using var output = dropout.forward(input);

        var values = output.data<float>().ToArray();
        Assert.All(values, v => Assert.True(v == 0f || Math.Abs(v - (4f / 3f)) < 1e-6, $"value {v}"));
        Assert.InRange(values.Count(v => v == 0f) / (double)values.Length, 0.23, 0.27);
    }

    [Fact]
    public void Forward_SameGeneratorState_DrawsTheSameMask()
    {
        using var first = new SeededDropout(0.5) { Generator = new SeededGenerator(7, RandomStreams.HeadDropout) };
        using var second = new SeededDropout(0.5) { Generator = new SeededGenerator(7, RandomStreams.HeadDropout) };
        using var input = ones(8, 16, dtype: ScalarType.Float32);
        first.train();
        second.train();

        using var a = first.forward(input);
        using var b = second.forward(input);
        using var next = first.forward(input);

        Assert.True(a.equal(b).all().item<bool>());
        Assert.False(a.equal(next).all().item<bool>()); // the generator moves on: each step gets its own mask
    }

    [Fact]
    public void Forward_Evaluation_PassesTheInputThroughWithoutDrawing()
    {
        var generator = new SeededGenerator(5);
        var before = generator.State;
        using var dropout = new SeededDropout(0.5) { Generator = generator };
        dropout.eval();
        using var input = arange(12, dtype: ScalarType.Float32).reshape(3, 4);

        using var output = dropout.forward(input);

        Assert.True(output.equal(input).all().item<bool>());
        Assert.Equal(before, generator.State);
    }

    [Fact]
    public void Forward_TrainingWithoutGenerator_SaysOneIsNeeded()
    {
        using var dropout = new SeededDropout(0.1);
        dropout.train();
        using var input = ones(2, 2, dtype: ScalarType.Float32);

        var error = Assert.Throws<InvalidOperationException>(() => dropout.forward(input));

        Assert.Contains("needs a seeded generator", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.0)]
    [InlineData(double.NaN)]
    public void Constructor_ProbabilityOutsideZeroToOne_NamesTheRange(double probability)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new SeededDropout(probability));

        Assert.Contains("[0, 1)", error.Message, StringComparison.Ordinal);
    }
}
