using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Logging;
using Bridge.Host.Infrastructure.Telemetry;
using Bridge.Mappings.Diagnostics;
using Bridge.Host.Operations;
using Bridge.Host.Operations.Diagnostics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Bridge.Host.Operations.Metrics;
using Bridge.Host.Operations.StatusPage;
using Bridge.Host.Operations.Trace;

namespace Bridge.Host.Composition;

/// <summary>What operators use: health now (the checks themselves come with the bus, storage and scheduler they check).</summary>
public static class BridgeOperationsComposition
{
    /// <summary>Where traces go when a site has a collector: its OTLP/HTTP traces URL (<c>http://collector:4318/v1/traces</c>). Unset: nowhere.</summary>
    public const string OtlpEndpointSetting = "Bridge:Telemetry:OtlpEndpoint";

    public static IServiceCollection AddBridgeOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OperationsGauges>();
        services.AddSingleton<OperationsGaugeRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationsGaugeRefresher>());
        services.AddHealthChecks().AddCheck<SystemsHealthCheck>("systems", tags: ["ready"]);
        services.AddOpenApi();
        services.AddBadRequestProblems();
        services.AddScoped<ProcessTrace>();
        services.AddScoped(typeof(SagaCensus<>));
        services.AddScoped<StatusSnapshot>();
        services.AddSingleton<DeadLetterPreview>();
        if (configuration[MemoryLog.Setting] is { Length: > 0 } memoryLog)
            services.AddHostedService(sp => new MemoryLog(memoryLog, sp.GetRequiredService<TimeProvider>()));
        var otlp = OtlpEndpoint(configuration);
        // Metrics on /metrics. Traces from HTTP in through the bus (MassTransit's own source) to the outbound call only where
        // a collector takes them: a trace provider with nowhere to send records every span all the same — the activities
        // of every HTTP call, consume, send and publish, with their tags, about a dozen per material request.
        var telemetry = services.AddOpenTelemetry();
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(BridgeMetrics.Name, "MassTransit").AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
                .AddOtlpExporter(o =>
                {
                    o.Endpoint = otlp;
                    o.Protocol = OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf;
                }));
        }

        telemetry.WithMetrics(metrics => metrics.AddMeter(BridgeMetrics.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddPrometheusExporter());
        return services;
    }

    /// <summary>Off unless configured: a plant network sees no call Bridge was not told to make.</summary>
    private static Uri? OtlpEndpoint(IConfiguration configuration)
    {
        if (configuration[OtlpEndpointSetting] is not { Length: > 0 } setting)
        {
            return null;
        }

        return Uri.TryCreate(setting, UriKind.Absolute, out var otlp) && otlp.Scheme is "http" or "https"
            ? otlp
            : throw new InvalidConfigurationException([new ConfigurationError(OtlpEndpointSetting, 1, 1,
                $"{OtlpEndpointSetting} '{LogText.Escape(setting)}' is not an http(s) URL; expected the collector's OTLP/HTTP traces URL, e.g. http://collector:4318/v1/traces")]);
    }
}
