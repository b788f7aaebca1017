using System.Globalization;

namespace RdNas.Bench.Tests;

public sealed class TableFormatTests
{
    [Fact]
    public void MeanAndSpread_ThreeDecimalsSampleDeviationInvariantCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE"); // a decimal comma would break the tables
        try
        {
            Assert.Equal("0.400 ± 0.100", TableFormat.MeanAndSpread([0.3, 0.4, 0.5]));
            Assert.Equal("0.689", TableFormat.MeanAndSpread([0.689])); // one value: no spread to print
            Assert.Equal("-0.346", TableFormat.Tau(-0.3456));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
