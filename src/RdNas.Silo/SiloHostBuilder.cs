using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Runtime.MembershipService.SiloMetadata;
using RdNas.Grains.Hosting;
using RdNas.Grains.Placement;
using RdNas.Grains.Storage;

namespace RdNas.Silo;

/// <summary>Configures an Orleans silo for the platform from <see cref="RdNasSiloOptions"/>.</summary>
public static class SiloHostBuilder
{
    /// <summary>
    /// Applies clustering, storage, reminders, silo metadata and the grains' services. Storage is Azure (Table and
    /// Blob) unless <paramref name="inMemory"/>, which only the embedded one-silo cluster asks for.
    /// </summary>
    public static ISiloBuilder ConfigureRdNas(this ISiloBuilder silo, RdNasSiloOptions options, IConfiguration configuration, Action<RdNasPlatformOptions>? platform = null, bool inMemory = false)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        silo.Configure<ClusterOptions>(c =>
        {
            c.ClusterId = options.ClusterId;
            c.ServiceId = options.ServiceId;
        });
        silo.Configure<SiloOptions>(s => s.SiloName = options.Name);
        silo.UseSiloMetadata(AcceleratorMetadata.For(options.IsGpu ? options.Accelerator : null).WithTrainingSlots(options.TrainingSlots));

        // A lost training silo should be declared dead in seconds, not the default minute: its experiment waits for it.
        silo.Configure<ClusterMembershipOptions>(m =>
        {
            m.ProbeTimeout = TimeSpan.FromSeconds(2);
            m.NumMissedProbesLimit = 2;
        });

        if (options.Clustering.Equals("azure-table", StringComparison.OrdinalIgnoreCase))
        {
            silo.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(options.StorageConnectionString));
            if (options.Address is { } address)
            {
                silo.ConfigureEndpoints(System.Net.IPAddress.Parse(address), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false);
            }
            else
            {
                silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false);
            }
        }
        else
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, options.PrimarySiloPort), options.ServiceId, options.ClusterId);
        }

        if (!inMemory)
        {
            silo.AddAzureTableGrainStorage(GrainStorage.Name, o => o.TableServiceClient = new TableServiceClient(options.StorageConnectionString));
            silo.UseAzureTableReminderService(o => o.TableServiceClient = new TableServiceClient(options.StorageConnectionString));
            silo.Services.AddSingleton<ICheckpointStore>(new BlobCheckpointStore(new BlobContainerClient(options.StorageConnectionString, BlobCheckpointStore.ContainerName), options.ServiceId));
        }
        else
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton<ICheckpointStore, LocalCheckpointStore>();
        }

        return silo.AddRdNasGrains(configuration, platform);
    }
}
