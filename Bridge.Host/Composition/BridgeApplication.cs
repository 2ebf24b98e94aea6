using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Operations;
using Bridge.Host.Pipeline.Devices;
using Bridge.Host.Pipeline.Inbound;
using Bridge.Host.Processes.MaterialRequests;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;

namespace Bridge.Host.Composition;

/// <summary>Builds the Bridge web host: configuration, bus, orchestration, HTTP API. A table of contents, no logic.</summary>
public static class BridgeApplication
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);

        builder.Services.AddSerilog((_, logger) => logger.ReadFrom.Configuration(builder.Configuration).WriteTo.Console(
            outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"));
        builder.Services.AddBridgeConfiguration(builder.Configuration);
        builder.Services.AddBridgeOrchestration(builder.Configuration);
        builder.Services.AddBridgeMessaging(builder.Configuration, bus =>
            bus.AddBridgeConsumers(BridgeOrchestrationExtensions.OutboundTypes(builder.Services.GetSystemsRegistry())));

        var app = builder.Build();
        // Watch the mapping files from the start, not from the first request that needs a mapping.
        var mappings = app.Services.GetRequiredService<Bridge.Mappings.MappingSetWatcher>().Current;
        var systems = app.Services.GetRequiredService<SystemsRegistry>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Bridge.Host");
        Log.ConfigurationLoaded(logger, app.Services.GetRequiredService<BridgeConfigurationInfo>().Directory, systems.All.Count,
            mappings.Inbound.Count, mappings.Outbound.Count, app.Configuration["Bridge:Mode"] ?? "Embedded");
        foreach (var system in systems.All.Where(s => !systems.HasKey(s.Id)))
        {
            Log.NoApiKey(logger, system.Id, system.ApiKeyEnv ?? "(none named in systems.yaml)");
        }
        // MassTransit keeps its log context per async flow; a second host in one process (tests, the demo after a
        // failed start) must not log through the first one's disposed logger factory.
        MassTransit.LogContext.ConfigureCurrentLogContext(app.Services.GetRequiredService<ILoggerFactory>());
        app.MapInboundEndpoint();
        app.MapMaterialRequestEndpoints();
        app.MapKitEndpoints();
        app.MapOperatorEndpoints();
        app.MapDeadLetterEndpoints();
        app.MapDeviceEndpoints();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        return app;
    }

    private static SystemsRegistry GetSystemsRegistry(this IServiceCollection services) =>
        (SystemsRegistry)services.Single(d => d.ServiceType == typeof(SystemsRegistry)).ImplementationInstance!;
}
