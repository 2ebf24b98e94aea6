using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Operations;
using Bridge.Host.Operations.Auth;
using Bridge.Host.Operations.StatusPage;
using Bridge.Host.Operations.Trace;
using Bridge.Host.Pipeline.Devices;
using Bridge.Host.Pipeline.Inbound;
using Bridge.Host.Processes.KitChecks;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Host.Processes.Production;
using Bridge.Host.Processes.Replenishment;
using Bridge.Mappings;

namespace Bridge.Host.Composition;

/// <summary>The HTTP API of the host, and what it reports once built.</summary>
public static class BridgeApi
{
    public static WebApplication MapBridgeApi(this WebApplication app)
    {
        ReportConfiguration(app);
        // MassTransit keeps its log context per async flow; a second host in one process (tests, the demo after a
        // failed start) must not log through the first one's disposed logger factory.
        MassTransit.LogContext.ConfigureCurrentLogContext(app.Services.GetRequiredService<ILoggerFactory>());
        app.UseBadRequestProblems();
        app.UseBridgeAuth();
        // Who may call what is decided here, per group; the authorization matrix test holds every endpoint to it.
        app.MapGroup("").RequireAuthorization(BridgePolicies.SystemInbound).MapInboundEndpoint();
        app.MapGroup("").RequireAuthorization(BridgePolicies.DeviceWrite).MapDeviceEndpoints();
        var read = app.MapGroup("").RequireAuthorization(BridgePolicies.Operator);
        read.MapMaterialRequestEndpoints();
        read.MapLineSideEndpoints();
        read.MapKitEndpoints();
        read.MapKitCheckEndpoints();
        read.MapGenealogyEndpoints();
        read.MapOperatorEndpoints();
        read.MapTraceEndpoints();
        read.MapStatusEndpoints();
        app.MapDeadLetterEndpoints();
        app.MapOperationsEndpoints();
        app.MapSignInEndpoints();
        app.MapGroup("").AllowAnonymous().MapHealthEndpoints();
        return app;
    }

    private static void ReportConfiguration(WebApplication app)
    {
        // Watch the mapping files from the start, not from the first request that needs a mapping.
        var mappings = app.Services.GetRequiredService<MappingSetWatcher>().Current;
        var systems = app.Services.GetRequiredService<SystemsRegistry>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Bridge.Host");
        Log.ConfigurationLoaded(logger, app.Services.GetRequiredService<BridgeConfigurationInfo>().Directory, systems.All.Count,
            mappings.Inbound.Count, mappings.Outbound.Count, BridgeModeSetting.Read(app.Configuration).ToString());
        foreach (var system in systems.All.Where(s => !systems.HasKey(s.Id)))
        {
            Log.NoApiKey(logger, system.Id, system.ApiKeyEnv is { } variable
                ? $"the environment variable {variable} or Bridge:ApiKeys:{system.Id}"
                : $"Bridge:ApiKeys:{system.Id}, or name a variable with apiKeyEnv: in systems.yaml");
        }

        foreach (var system in systems.All.Where(s => s.Outbound?.Settings.GetValueOrDefault("tlsVerify") is { } verify && verify.Equals("false", StringComparison.OrdinalIgnoreCase)))
        {
            Log.TlsVerificationOff(logger, system.Id);
        }
    }
}
