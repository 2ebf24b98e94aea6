using Bridge.Host.Domain.Boms;
using Bridge.Host.Domain.Genealogy;
using Bridge.Host.Domain.KitWaits;
using Bridge.Host.Domain.LineSide;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Domain.Stock;
using Bridge.Host.Infrastructure.Audit;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Host.Pipeline.Outbound;
using Bridge.Host.Processes.Alerts;

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

        services.AddStore<IStockView, InMemoryStockView, PostgresStockView, StockSchemaScript>(mode, ServiceLifetime.Scoped).AddStockVersion();
        services.AddStore<IProductionOrderStore, InMemoryProductionOrderStore, PostgresProductionOrderStore, OrdersSchemaScript>(mode);
        services.AddStore<IOrderRequestIndex, InMemoryOrderRequestIndex, PostgresOrderRequestIndex, OrderRequestsSchemaScript>(mode, ServiceLifetime.Scoped);
        services.AddStore<IKitWaitRegistry, InMemoryKitWaitRegistry, PostgresKitWaitRegistry, KitWaitsSchemaScript>(mode, ServiceLifetime.Scoped);
        services.AddStore<ILineSideLevels, InMemoryLineSideLevels, PostgresLineSideLevels, LineSideSchemaScript>(mode, ServiceLifetime.Scoped);
        services.AddStore<IDeadLetterStore, InMemoryDeadLetterStore, PostgresDeadLetterStore, DeadLettersSchemaScript>(mode);
        services.AddStore<IOutboundDeliveryLog, InMemoryOutboundDeliveryLog, PostgresOutboundDeliveryLog, OutboundDeliverySchemaScript>(mode);
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section);
        services.AddStore<IAuditTrail, InMemoryAuditTrail, PostgresAuditTrail, AuditSchemaScript>(mode);
        services.AddStore<IBomStore, InMemoryBomStore, PostgresBomStore, BomsSchemaScript>(mode);
        services.AddStore<IStockAlertStore, InMemoryStockAlertStore, PostgresStockAlertStore, StockAlertsSchemaScript>(mode);
        services.AddStore<IGenealogyStore, InMemoryGenealogyStore, PostgresGenealogyStore, GenealogySchemaScript>(mode, ServiceLifetime.Scoped);
        return services;
    }
}
