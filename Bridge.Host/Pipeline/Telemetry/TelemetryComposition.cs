using Bridge.Adapters.Envelopes;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Pipeline.Inbound;
using Microsoft.Extensions.Options;

namespace Bridge.Host.Pipeline.Telemetry;

/// <summary>
/// The telemetry path for systems whose <c>receive:</c> binding says <c>path: telemetry</c>. In production it
/// publishes straight to RabbitMQ (<see cref="RabbitMqTelemetryPublisher"/>) behind the local buffer; in embedded
/// mode (in-memory bus, nothing to be unreachable) those systems go the ordinary inbound way.
/// </summary>
public static class TelemetryComposition
{
    public const string PathSetting = "path";
    public const string TelemetryPath = "telemetry";

    public static IServiceCollection AddTelemetryPath(this IServiceCollection services, IEnumerable<SystemDefinition> systems)
    {
        var telemetrySystems = systems
            .Where(s => s.Inbound.Settings.TryGetValue(PathSetting, out var path) && path == TelemetryPath)
            .Select(s => s.Id)
            .ToHashSet(StringComparer.Ordinal);
        if (telemetrySystems.Count == 0)
            return services;

        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName);
        services.AddSingleton<TelemetryEnvelopeEncoder>();
        services.AddSingleton<ITelemetryPublisher>(sp =>
        {
            var messaging = sp.GetRequiredService<IOptions<BridgeMessagingOptions>>().Value;
            return new RabbitMqTelemetryPublisher(new Uri(messaging.RabbitMqUri!), sp.GetRequiredService<ILogger<RabbitMqTelemetryPublisher>>(),
                messaging.RabbitMq.ClusterNodes.Select(ClusterNode.TryParse).OfType<ClusterNode>().ToList());
        });
        services.AddSingleton(sp => new TelemetryPipeline(
            sp.GetRequiredService<ITelemetryPublisher>(),
            sp.GetRequiredService<IOptions<TelemetryOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<TelemetryPipeline>>()));
        services.AddSingleton<TelemetryIngestor>();
        services.AddSingleton<IHostedService>(sp => Production(sp)
            ? new TelemetryPipelineService(sp.GetRequiredService<TelemetryPipeline>())
            : new NothingToRun());
        services.AddSingleton<IEnvelopeSink>(sp => Production(sp)
            ? new InboundRouter(telemetrySystems, new Lazy<TelemetryIngestor>(sp.GetRequiredService<TelemetryIngestor>), sp.GetRequiredService<EnvelopeIngestor>())
            : sp.GetRequiredService<EnvelopeIngestor>());
        return services;
    }

    private static bool Production(IServiceProvider sp) => sp.GetRequiredService<IOptions<BridgeMessagingOptions>>().Value.Mode == BridgeMode.Production;

    private sealed class NothingToRun : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
