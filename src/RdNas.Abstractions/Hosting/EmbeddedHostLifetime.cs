using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace RdNas.Abstractions.Hosting;

/// <summary>
/// The lifetime of a host that lives inside another program (the SDK's client, the CLI's embedded silo): it leaves
/// Ctrl-C and SIGTERM to that program. The default console lifetime would take both signals for the host and swallow
/// them, so the program never learns it was asked to stop (a training run kept going through Ctrl-C).
/// </summary>
public sealed class EmbeddedHostLifetime : IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Replaces the host's lifetime in <paramref name="services"/> with this one.</summary>
    public static void Use(IServiceCollection services) => services.Replace(ServiceDescriptor.Singleton<IHostLifetime, EmbeddedHostLifetime>());
}
