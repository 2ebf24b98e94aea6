namespace Bridge.Host.Composition;

/// <summary>What operators use: health now (the checks themselves come with the bus, storage and scheduler they check).</summary>
public static class BridgeOperationsComposition
{
    public static IServiceCollection AddBridgeOperations(this IServiceCollection services)
    {
        services.AddHealthChecks();
        services.AddOpenApi();
        return services;
    }
}
