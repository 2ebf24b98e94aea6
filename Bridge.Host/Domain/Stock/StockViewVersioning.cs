namespace Bridge.Host.Domain.Stock;

/// <summary>Wraps the registered <see cref="IStockView"/> in a <see cref="VersionedStockView"/> (same lifetime) and registers the <see cref="StockVersion"/>.</summary>
public static class StockViewVersioning
{
    public static IServiceCollection AddStockVersion(this IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IStockView));
        var implementation = registered.ImplementationType
            ?? throw new InvalidOperationException("IStockView must be registered by its type before AddStockVersion");
        services.Remove(registered);
        services.Add(new ServiceDescriptor(implementation, implementation, registered.Lifetime));
        services.AddSingleton<StockVersion>();
        services.Add(new ServiceDescriptor(typeof(IStockView),
            provider => new VersionedStockView((IStockView)provider.GetRequiredService(implementation), provider.GetRequiredService<StockVersion>()), registered.Lifetime));
        return services;
    }
}
