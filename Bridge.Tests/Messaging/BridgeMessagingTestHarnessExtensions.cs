using Bridge.Host.Infrastructure.Configuration;
using Bridge.Host.Infrastructure.Messaging;
using Bridge.Host.Infrastructure.Storage.Sagas;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bridge.Tests.Messaging;

/// <summary>
/// MassTransit's test harness with Bridge's own conventions (endpoint names, retry, in-memory saga repository,
/// <see cref="ISagaStateReader{TSaga}"/>, <see cref="IInboundPublisher"/>) so saga tests with <see cref="ITestHarness"/>
/// run the registration production runs. Two differences, both for deterministic harness observations: scheduling uses
/// the in-memory transport's delayed delivery instead of Hangfire, and there is no outbox unless asked for — with one,
/// messages are published after the harness already sees the endpoint idle (InactivityTask / Published.Any miss them).
/// Outbox semantics are covered by the embedded and production tests.
/// </summary>
public static class BridgeMessagingTestHarnessExtensions
{
    /// <param name="inMemoryOutbox">True to add MassTransit's in-memory outbox (then poll for published messages).</param>
    public static IServiceCollection AddBridgeMessagingTestHarness(this IServiceCollection services, Action<IBusRegistrationConfigurator> configure,
        bool inMemoryOutbox = false)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMassTransitTestHarness(x =>
        {
            x.SetEndpointNameFormatter(BridgeEndpointConventions.EndpointNameFormatter);
            x.SetInMemorySagaRepositoryProvider();
            x.AddDelayedMessageScheduler();
            x.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                BridgeEndpointConventions.Apply(context, endpoint, BridgeMode.Embedded, withOutbox: false);
                if (inMemoryOutbox)
                    endpoint.UseInMemoryOutbox(context);
            });
            configure(x);
            x.UsingInMemory((context, cfg) =>
            {
                cfg.UseDelayedMessageScheduler();
                cfg.ConfigureEndpoints(context);
            });
        });
        services.TryAddSingleton(typeof(ISagaStateReader<>), typeof(SagaStateReader<>));
        services.TryAddSingleton<IInboundPublisher, EmbeddedInboundPublisher>();
        return services;
    }
}
