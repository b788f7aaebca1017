using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Placement;
using RdNas.Grains.Architectures;
using RdNas.Grains.Experiments;
using RdNas.Grains.Placement;
using RdNas.Grains.Telemetry;
using RdNas.Grains.Training;

namespace RdNas.Grains.Hosting;

/// <summary>Registers the grains' services on a silo.</summary>
public static class RdNasGrainsSiloBuilderExtensions
{
    /// <summary>
    /// Adds the platform's services, bound from the <c>RdNas</c> section of <paramref name="configuration"/>, and the
    /// accelerator placement filter. The host adds the grain storage <see cref="GrainStorage.Name"/>, reminders and an
    /// <see cref="Storage.ICheckpointStore"/>; it may replace <see cref="IRunDirectories"/>.
    /// </summary>
    public static ISiloBuilder AddRdNasGrains(this ISiloBuilder builder, IConfiguration configuration, Action<RdNasPlatformOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        builder.Services.AddOptions<RdNasPlatformOptions>()
            .Bind(configuration.GetSection(RdNasPlatformOptions.Section))
            .Configure(o => configure?.Invoke(o))
            .Validate(o =>
            {
                o.Validate();
                return true;
            });
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<RdNasMetrics>();
        builder.Services.AddSingleton<ExperimentPlanner>();
        builder.Services.AddSingleton<TrainingSilos>();
        builder.Services.AddSingleton<GroundTruthTable>();
        builder.Services.AddSingleton<ProxyScoringService>();
        builder.Services.TryAddSingleton<IRunDirectories, WorkDirectoryRunDirectories>();
        builder.Services.AddPlacementFilter<AcceleratorPlacementFilterStrategy, AcceleratorPlacementFilterDirector>(ServiceLifetime.Singleton);
        return builder;
    }
}
