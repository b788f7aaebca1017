using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using RdNas.Grains.Telemetry;

namespace RdNas.Silo;

/// <summary>
/// The silo's metrics for Prometheus: the platform's own (<see cref="RdNasMetrics"/>), Orleans' (grain calls,
/// activations, membership) and the .NET runtime's (working set, GC), served at <c>/metrics</c> on
/// <see cref="RdNasSiloOptions.MetricsUrl"/>.
/// </summary>
public static class SiloMetricsEndpoint
{
    /// <summary>Meters the endpoint exports.</summary>
    public static IReadOnlyList<string> Meters { get; } = [RdNasMetrics.MeterName, "Microsoft.Orleans", "System.Runtime"];

    /// <summary>Registers the OpenTelemetry metrics pipeline and the Prometheus exporter, and binds Kestrel to the metrics URL.</summary>
    public static WebApplicationBuilder AddSiloMetrics(this WebApplicationBuilder builder, RdNasSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("rdnas-silo", serviceInstanceId: options.Name))
            .WithMetrics(metrics => metrics.AddMeter([.. Meters]).AddPrometheusExporter());
        builder.WebHost.UseUrls(options.MetricsUrl);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning); // not four lines per scrape
        return builder;
    }

    /// <summary>Serves the scraping endpoint at <c>/metrics</c>.</summary>
    public static WebApplication MapSiloMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint();
        return app;
    }
}
