using RdNas.Abstractions.Experiments;
using RdNas.Cli.Output;

namespace RdNas.Cli.Tests;

public sealed class ExperimentConfigurationTests
{
    [Theory]
    [InlineData("small", null, "spos")]
    [InlineData("paper", null, "spos +dropout 0.1")] // the preset's own dropout, as its result.json will record it
    [InlineData("paper", 0.0, "spos")]
    [InlineData("small", 0.2, "spos +dropout 0.2")]
    [InlineData("huge", null, "spos")] // a preset this client does not know: no dropout assumed
    public void Label_HeadDropout_IsTheSpecsOrElseThePresets(string preset, double? headDropout, string expected)
    {
        var label = ExperimentConfiguration.Label(new ExperimentSpec(Preset: preset, HeadDropout: headDropout));

        Assert.Equal(expected, label);
    }

    [Fact]
    public void Label_RescoringExperiment_NamesItsSource()
    {
        var label = ExperimentConfiguration.Label(new ExperimentSpec(Sampler: "rdnas", Subnets: 50, RescoreOf: "exp-7"));

        Assert.Equal("rdnas flops/margin/sine, rescoring exp-7", label);
    }
}
