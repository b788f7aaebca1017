using RdNas.Grains.Hosting;

namespace RdNas.Grains.Tests;

public sealed class PlatformOptionsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Validate_ResNet48ProxySideNotAMultipleOf32_NamesTheSetting(int side)
    {
        var options = new RdNasPlatformOptions { ResNet48ProxySide = side };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal($"RdNas:ResNet48ProxySide must be a positive multiple of 32, got {side}", error.Message);
    }

    [Fact]
    public void Validate_UnknownTrainingDevice_NamesTheSetting()
    {
        var options = new RdNasPlatformOptions { TrainingDevice = "tpu" };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal("RdNas:TrainingDevice: unknown device 'tpu': expected auto, cpu, cuda or cuda:N (N a device index from 0)", error.Message);
    }

    [Fact]
    public void Validate_Defaults_AreAccepted_WithTheCompetitionsSide()
    {
        var options = new RdNasPlatformOptions();

        options.Validate();

        Assert.Equal(224, options.ResNet48ProxySide);
        Assert.Equal("auto", options.TrainingDevice);
    }
}
