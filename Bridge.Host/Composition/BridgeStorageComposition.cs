using Bridge.Host.Domain.KitWaits;
using Bridge.Host.Domain.LineSide;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Domain.Stock;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Host.Pipeline.DeadLetters;

namespace Bridge.Host.Composition;

/// <summary>Every store of the host, in memory or in PostgreSQL by <c>Bridge:Mode</c> (see <see cref="StoreRegistration"/>).</summary>
public static class BridgeStorageComposition
{
    public static IServiceCollection AddBridgeStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var mode = BridgeModeSetting.Read(configuration);
        services.AddSingleton(TimeProvider.System);
        if (mode == BridgeMode.Production)
        {
            // Scoped: inside a consumed message the stock view and the wait registry join its transaction.
            services.AddScoped<PostgresSession>();
        }

        services.AddStore<IStockView, InMemoryStockView, PostgresStockView, StockSchemaScript>(mode, ServiceLifetime.Scoped);
        services.AddStore<IProductionOrderStore, InMemoryProductionOrderStore, PostgresProductionOrderStore, OrdersSchemaScript>(mode);
        services.AddStore<IKitWaitRegistry, InMemoryKitWaitRegistry, PostgresKitWaitRegistry, KitWaitsSchemaScript>(mode, ServiceLifetime.Scoped);
        services.AddStore<ILineSideLevels, InMemoryLineSideLevels, PostgresLineSideLevels, LineSideSchemaScript>(mode, ServiceLifetime.Scoped);
        services.AddStore<IDeadLetterStore, InMemoryDeadLetterStore, PostgresDeadLetterStore, DeadLettersSchemaScript>(mode);
        return services;
    }
}
