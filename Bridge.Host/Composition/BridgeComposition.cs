using Bridge.Host.Processes.Alerts;
using Bridge.Host.Processes.Replenishment;

namespace Bridge.Host.Composition;

/// <summary>The table of contents of the host: each line registers one layer, in the order they depend on each other.</summary>
public static class BridgeComposition
{
    public static WebApplicationBuilder AddBridge(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var loaded = services.AddBridgeConfiguration(configuration);
        services.AddBridgeStorage(configuration);
        services.AddBridgeBus(configuration, loaded.Systems);
        services.AddBridgeAdapters(loaded);
        services.AddBridgeProcesses();
        services.AddReplenishment(loaded.Directory);
        services.AddStockAlerts(loaded.Directory);
        services.AddBridgeOperations(configuration);
        services.AddBridgeAuth(configuration);
        return builder;
    }
}
