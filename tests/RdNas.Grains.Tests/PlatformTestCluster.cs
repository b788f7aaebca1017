using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Storage;
using Orleans.TestingHost;
using RdNas.Grains.Hosting;
using RdNas.Grains.Placement;
using RdNas.Grains.Storage;

namespace RdNas.Grains.Tests;

/// <summary>
/// An in-process Orleans test cluster with the platform's grains: the silos named in <c>gpuSilos</c> declare an
/// accelerator, state and reminders are in memory (state behind a <see cref="FaultyGrainStorage"/>), checkpoints stay
/// in each run folder under one scratch folder.
/// </summary>
internal static class PlatformTestCluster
{
    private const string InnerStorage = "memory";

    /// <summary>The grain storage of silo <paramref name="silo"/>, to inject faults into.</summary>
    public static FaultyGrainStorage Storage(this InProcessTestCluster cluster, int silo = 0) =>
        (FaultyGrainStorage)cluster.Silos[silo].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(GrainStorage.Name);

    /// <remarks>
    /// With <paramref name="teachersFromGrains"/>, workers gather teachers from architecture grains, as on a real
    /// cluster; <paramref name="trainingDevice"/> is every silo's <c>RdNas:TrainingDevice</c> (null: the default), and
    /// <paramref name="trainingSlots"/> the experiments each silo trains at once; <paramref name="services"/> replaces
    /// or adds silo services after the platform's (a failing checkpoint store, a log recorder).
    /// </remarks>
    public static async Task<InProcessTestCluster> StartAsync(
        short silos, IReadOnlyCollection<string> gpuSilos, bool allowCpuTraining, string? dataDirectory, bool teachersFromGrains = false, string? trainingDevice = null,
        string? workDirectory = null, int trainingSlots = 1, Action<IServiceCollection>? services = null)
    {
        var work = workDirectory ?? Directory.CreateTempSubdirectory("rdnas-cluster").FullName;
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((options, silo) =>
        {
            silo.UseSiloMetadata(AcceleratorMetadata.For(gpuSilos.Contains(options.SiloName) ? "cuda" : null).WithTrainingSlots(trainingSlots));
            silo.AddMemoryGrainStorage(InnerStorage);
            silo.Services.AddKeyedSingleton<IGrainStorage>(GrainStorage.Name, (services, _) => new FaultyGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(InnerStorage)));
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton<ICheckpointStore, LocalCheckpointStore>();
            silo.AddRdNasGrains(new ConfigurationBuilder().Build(), o =>
            {
                o.DataDirectory = dataDirectory;
                o.WorkDirectory = work;
                o.AllowCpuTraining = allowCpuTraining;
                o.WatchdogInterval = TimeSpan.FromSeconds(1);
                o.TeacherCache = teachersFromGrains ? null : Path.Combine(work, "teachers");
                o.TrainingDevice = trainingDevice ?? o.TrainingDevice;
            });
            services?.Invoke(silo.Services);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
