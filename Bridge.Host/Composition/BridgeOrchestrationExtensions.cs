using Bridge.Adapters.Hosting;
using Bridge.Adapters.Http;
using Bridge.Contracts;
using Bridge.Host.Domain.KitWaits;
using Bridge.Host.Domain.Orders;
using Bridge.Host.Domain.Stock;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Infrastructure.Storage;
using Bridge.Host.Pipeline.DeadLetters;
using Bridge.Host.Pipeline.Outbound;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Host.Processes.Projections;
using MassTransit;

namespace Bridge.Host.Composition;

/// <summary>The domain: sagas, consumers, stores (memory or PostgreSQL by mode) and the outbound HTTP path.</summary>
public static class BridgeOrchestrationExtensions
{
    public static IServiceCollection AddBridgeOrchestration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<MaterialRequestSettings>().BindConfiguration(MaterialRequestSettings.Section).ValidateOnStart();
        services.AddScoped<MaterialRequestWorkflow>();
        new BridgeBuilder(services).AddHttpAdapter("default");

        if (configuration.GetValue<BridgeMode>("Bridge:Mode") == BridgeMode.Production)
        {
            services.AddSingleton<IStockView, PostgresStockView>();
            services.AddSingleton<IProductionOrderStore, PostgresProductionOrderStore>();
            services.AddSingleton<IDeadLetterStore, PostgresDeadLetterStore>();
            services.AddSingleton<IKitWaitRegistry, PostgresKitWaitRegistry>();
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
