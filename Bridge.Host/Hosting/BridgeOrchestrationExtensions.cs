using Bridge.Adapters.Hosting;
using Bridge.Adapters.Http;
using Bridge.Contracts;
using Bridge.Host.Configuration;
using Bridge.Host.DeadLetters;
using Bridge.Host.Messaging;
using Bridge.Host.Orchestration.KitWaits;
using Bridge.Host.Orchestration.MaterialRequests;
using Bridge.Host.Orders;
using Bridge.Host.Outbound;
using Bridge.Host.Persistence;
using Bridge.Host.Stock;
using MassTransit;

namespace Bridge.Host.Hosting;

/// <summary>The domain: sagas, consumers, stores (memory or PostgreSQL by mode) and the outbound HTTP path.</summary>
public static class BridgeOrchestrationExtensions
{
    public static IServiceCollection AddBridgeOrchestration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<MaterialRequestSettings>().BindConfiguration(MaterialRequestSettings.Section).ValidateOnStart();
        services.AddScoped<MaterialRequestJournal>();
        services.AddScoped<RequirementsResolver>();
        services.AddScoped<KitReservation>();
        services.AddScoped<PickTracker>();
        services.AddScoped<MaterialRequestWaits>();
        services.AddScoped<MaterialRequestReports>();
        services.AddScoped<PickReportDeadLetters>();
        services.AddScoped<ReservationReconciler>();
        services.AddHostedService<ReservationReconciliationSchedule>();
        new BridgeBuilder(services).AddHttpAdapter("default");

        if (configuration.GetValue<BridgeMode>("Bridge:Mode") == BridgeMode.Production)
        {
            // Scoped: inside a consumed message they join its transaction (PostgresSession).
            services.AddScoped<PostgresSession>();
            services.AddScoped<IStockView, PostgresStockView>();
            services.AddSingleton<IProductionOrderStore, PostgresProductionOrderStore>();
            services.AddSingleton<IDeadLetterStore, PostgresDeadLetterStore>();
            services.AddScoped<IKitWaitRegistry, PostgresKitWaitRegistry>();
            services.AddSingleton<IDatabaseSchemaScript, StockSchemaScript>();
            services.AddSingleton<IDatabaseSchemaScript, OrdersSchemaScript>();
            services.AddSingleton<IDatabaseSchemaScript, DeadLettersSchemaScript>();
            services.AddSingleton<IDatabaseSchemaScript, KitWaitsSchemaScript>();
        }
        else
        {
            services.AddSingleton<IStockView, InMemoryStockView>();
            services.AddSingleton<IProductionOrderStore, InMemoryProductionOrderStore>();
            services.AddSingleton<IDeadLetterStore, InMemoryDeadLetterStore>();
            services.AddSingleton<IKitWaitRegistry, InMemoryKitWaitRegistry>();
        }

        return services;
    }

    /// <summary>The bus side: what <see cref="BridgeMessagingServiceCollectionExtensions.AddBridgeMessaging"/> is given.</summary>
    public static void AddBridgeConsumers(this IBusRegistrationConfigurator bus, IEnumerable<Type> outboundTypes)
    {
        bus.AddSagaStateMachine<MaterialRequestStateMachine, MaterialRequestState>();
        bus.AddConsumer<StockViewConsumer>();
        bus.AddConsumer<ProductionOrderReleasedConsumer>();
        bus.AddConsumer<KitWakeUpConsumer>();
        foreach (var type in outboundTypes.Distinct())
        {
            bus.AddConsumer(
                typeof(OutboundDispatchConsumer<>).MakeGenericType(type),
                typeof(OutboundDispatchConsumerDefinition<>).MakeGenericType(type));
        }
    }

    public static IEnumerable<Type> OutboundTypes(SystemsRegistry systems) =>
        systems.All.SelectMany(s => s.Receives).Select(name => CanonicalMessageTypes.Find(name)).OfType<Type>();
}
