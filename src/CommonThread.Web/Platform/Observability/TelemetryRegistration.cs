using System.Net;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CommonThread.Web.Platform.Observability;

/// <summary>Settings under "Observability".</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>Networks (CIDR) whose scrapers may read <c>/metrics</c>, besides this machine itself.</summary>
    public List<string> MetricsNetworks { get; set; } = [];
}

/// <summary>
/// OpenTelemetry: metrics (HTTP, runtime, Npgsql, Quartz, the platform's own) scraped by Prometheus at
/// <c>/metrics</c>, from this machine or the networks configured; traces exported over OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names a collector. A span names the route's template, never the path
/// as typed: a path can hold a channel or passbook code, and anonymous reporters leave no trace here.
/// </summary>
public static class TelemetryRegistration
{
    public const string MetricsPath = "/metrics";

    public static void AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Telemetry>();
        builder.Services.AddOptions<ObservabilityOptions>().BindConfiguration(ObservabilityOptions.Section);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("commonthread", serviceInstanceId: $"{Environment.MachineName}/{Environment.ProcessId}"))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql", "Quartz", Telemetry.MeterName)
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.WithTracing(t => t
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath) && http.Request.Path.Value is not ("/alive" or "/ready" or "/health");
                    o.EnrichWithHttpResponse = (activity, response) =>
                    {
                        var route = (response.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
                        activity.SetTag("url.path", route ?? "(unrouted)");
                        activity.SetTag("url.query", null);
                        activity.DisplayName = $"{response.HttpContext.Request.Method} {route ?? "(unrouted)"}";
                    };
                })
                .AddNpgsql()
                .AddSource("Quartz")
                .AddOtlpExporter());
        }
    }

    public static void UseTelemetry(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ObservabilityOptions>>().Value;
        var networks = options.MetricsNetworks.Select(System.Net.IPNetwork.Parse).ToList();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(http =>
            http.Request.Path == MetricsPath && http.Connection.RemoteIpAddress is { } from
            && (IPAddress.IsLoopback(from) || networks.Any(n => n.Contains(from.IsIPv4MappedToIPv6 ? from.MapToIPv4() : from))));
    }
}
