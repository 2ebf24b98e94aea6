using Bridge.Host.Infrastructure.Telemetry;
using Bridge.Host.Operations;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Bridge.Host.Operations.Metrics;
using Bridge.Host.Operations.StatusPage;
using Bridge.Host.Operations.Trace;

namespace Bridge.Host.Composition;

/// <summary>What operators use: health now (the checks themselves come with the bus, storage and scheduler they check).</summary>
public static class BridgeOperationsComposition
{
    public static IServiceCollection AddBridgeOperations(this IServiceCollection services)
    {
        services.AddSingleton<OperationsGauges>();
        services.AddSingleton<OperationsGaugeRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationsGaugeRefresher>());
        services.AddHealthChecks().AddCheck<SystemsHealthCheck>("systems", tags: ["ready"]);
        services.AddOpenApi();
        services.AddScoped<ProcessTrace>();
        services.AddScoped(typeof(SagaCensus<>));
        services.AddScoped<StatusSnapshot>();
        services.AddSingleton<DeadLetterPreview>();
        // Traces from HTTP in through the bus (MassTransit's own source) to the outbound call; metrics on /metrics.
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(BridgeMetrics.Name, "MassTransit").AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics.AddMeter(BridgeMetrics.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddPrometheusExporter());
        return services;
    }
}
