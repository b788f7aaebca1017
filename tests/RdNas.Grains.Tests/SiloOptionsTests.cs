using RdNas.Silo;

namespace RdNas.Grains.Tests;

public sealed class SiloOptionsTests
{
    [Theory]
    [InlineData("Role", "tpu", "RdNas:Silo:Role: unknown value 'tpu' (expected cpu or gpu)")]
    [InlineData("Clustering", "consul", "RdNas:Silo:Clustering: unknown value 'consul' (expected localhost or azure-table)")]
    [InlineData("Address", "localhost", "RdNas:Silo:Address: 'localhost' is not an IP address")]
    [InlineData("StorageConnectionString", " ", "RdNas:Silo:StorageConnectionString must name an Azure Storage account")]
    public void Validate_BadSetting_NamesTheSettingAndWhatIsAllowed(string setting, string value, string expected)
    {
        var options = new RdNasSiloOptions();
        typeof(RdNasSiloOptions).GetProperty(setting)!.SetValue(options, value);

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GpuSiloOnAzureTableAtLoopback_IsAccepted()
    {
        var options = new RdNasSiloOptions { Role = "GPU", Clustering = "azure-table", Address = "127.0.0.1" };

        options.Validate();

        Assert.True(options.IsGpu);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65536)]
    public void Validate_MetricsPortOutOfRange_NamesTheSetting(int port)
    {
        var options = new RdNasSiloOptions { MetricsPort = port };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal($"RdNas:Silo:MetricsPort: {port} is not a TCP port (1-65535)", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(65)]
    public void Validate_TrainingSlotsOutOfRange_NamesTheSetting(int slots)
    {
        var options = new RdNasSiloOptions { TrainingSlots = slots };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal($"RdNas:Silo:TrainingSlots: {slots} is not a slot count (1-64)", error.Message);
    }

    [Theory]
    [InlineData("localhost", null, "http://127.0.0.1:9464")]
    [InlineData("azure-table", "10.0.0.7", "http://10.0.0.7:9464")]
    [InlineData("azure-table", null, "http://0.0.0.0:9464")]
    public void MetricsUrl_FollowsTheAddressTheSiloListensOn(string clustering, string? address, string expected)
    {
        var options = new RdNasSiloOptions { Clustering = clustering, Address = address };

        Assert.Equal(expected, options.MetricsUrl);
    }
}
