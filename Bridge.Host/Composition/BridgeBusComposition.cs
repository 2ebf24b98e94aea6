using Bridge.Host.Processes.KitChecks;
using Bridge.Contracts;
using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Infrastructure.Storage.Sagas;
using Bridge.Host.Pipeline.Outbound;
using Bridge.Host.Processes.Boms;
using Bridge.Host.Processes.MaterialRequests;
using Bridge.Host.Processes.Production;
using Bridge.Host.Processes.Projections;
using Bridge.Host.Processes.Replenishment;
using Bridge.Host.Processes.Transfers;
using MassTransit;

namespace Bridge.Host.Composition;

/// <summary>The bus (<see cref="BridgeMessagingServiceCollectionExtensions.AddBridgeMessaging"/>) and what listens on it.</summary>
public static class BridgeBusComposition
{
    public static IServiceCollection AddBridgeBus(this IServiceCollection services, IConfiguration configuration, IReadOnlyCollection<SystemDefinition> systems)
    {
        services.AddOutboundDelivery();
        services.AddSingleton(EndedSagaStates.Of<MaterialRequestState>(MaterialRequestStateMachine.EndedStates));
        services.AddSingleton(EndedSagaStates.Of<TransferState>(TransferStateMachine.EndedStates));
        var mode = BridgeModeSetting.Read(configuration);
        return services.AddBridgeMessaging(configuration, bus => bus.AddBridgeConsumers(OutboundTypes(systems), mode));
    }

    /// <summary>The sagas, the projections and one outbound dispatcher per message type some system receives.</summary>
    public static void AddBridgeConsumers(this IBusRegistrationConfigurator bus, IEnumerable<Type> outboundTypes, BridgeMode mode = BridgeMode.Embedded)
    {
        // A plant network must see no outbound call it did not configure: MassTransit's usage report is off.
        bus.DisableUsageTelemetry();
        bus.AddSagaStateMachine<MaterialRequestStateMachine, MaterialRequestState>();
        bus.AddSagaStateMachine<TransferStateMachine, TransferState>();
        bus.AddConsumer<StockViewConsumer>();
        bus.AddConsumer<ProductionOrderReleasedConsumer>();
        bus.AddConsumer<KitWakeUpConsumer>();
        bus.AddConsumer<ProductionOrderChangeConsumer>();
        bus.AddConsumer<ProductionPerformanceConsumer>();
        bus.AddConsumer<BomPublishedConsumer>();
        bus.AddConsumer<KitCheckRequestedConsumer>();
        bus.AddReplenishmentConsumers(mode);
        foreach (var type in outboundTypes.Distinct())
        {
            bus.AddConsumer(
                typeof(OutboundDispatchConsumer<>).MakeGenericType(type),
                typeof(OutboundDispatchConsumerDefinition<>).MakeGenericType(type));
        }
    }

    public static IEnumerable<Type> OutboundTypes(IEnumerable<SystemDefinition> systems) =>
        systems.SelectMany(s => s.Receives).Select(name => CanonicalMessageTypes.Find(name)).OfType<Type>();
}
