using Microsoft.Extensions.Options;
using RdNas.Abstractions.Experiments;
using RdNas.Grains.Experiments;
using RdNas.Grains.Hosting;

namespace RdNas.Grains.Tests;

public sealed class ExperimentPlannerTests
{
    private static readonly string MissingData = Path.Combine(Path.GetTempPath(), $"rdnas-no-data-{Guid.NewGuid():N}");

    private static ExperimentPlanner PlannerWithoutData() => new(Options.Create(new RdNasPlatformOptions { DataDirectory = MissingData }));

    [Fact]
    public void ValidateFields_ValidSpec_ResolvesThePresetWithoutReadingData()
    {
        var preset = PlannerWithoutData().ValidateFields(new ExperimentSpec(Preset: "medium"));

        Assert.Equal("medium", preset.Name);
    }

    [Fact]
    public void Validate_ValidSpecOnASiloWithoutData_RefusedNamingTheDataFolder()
    {
        var error = Assert.Throws<InvalidExperimentSpecException>(() => PlannerWithoutData().Validate(new ExperimentSpec(Preset: "medium")));

        Assert.Equal(ExperimentPlanner.DataField, error.Field);
        Assert.Contains(MissingData, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_InvalidFieldOnASiloWithoutData_NamesTheFieldFirst()
    {
        var error = Assert.Throws<InvalidExperimentSpecException>(() => PlannerWithoutData().Validate(new ExperimentSpec(Preset: "huge")));

        Assert.Equal("preset", error.Field);
    }
}
