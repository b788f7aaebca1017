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
}
