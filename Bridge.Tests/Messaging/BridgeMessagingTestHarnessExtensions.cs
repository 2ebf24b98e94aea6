using Bridge.Host.Messaging;
using Bridge.Host.Persistence;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Bridge.Tests.Messaging;

/// <summary>
/// MassTransit's test harness with Bridge's own conventions (endpoint names, retry, in-memory outbox, in-memory
/// saga repository, <see cref="ISagaStateReader{TSaga}"/>, <see cref="IInboundPublisher"/>) so saga tests with
/// <see cref="ITestHarness"/> run the registration production runs. Scheduling uses the in-memory transport's delayed
/// delivery instead of Hangfire.
/// </summary>
public static class BridgeMessagingTestHarnessExtensions
{
    public static IServiceCollection AddBridgeMessagingTestHarness(this IServiceCollection services, Action<IBusRegistrationConfigurator> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddMassTransitTestHarness(x =>
        {
            x.SetEndpointNameFormatter(BridgeEndpointConventions.EndpointNameFormatter);
            x.SetInMemorySagaRepositoryProvider();
            x.AddDelayedMessageScheduler();
            x.AddConfigureEndpointsCallback((context, _, endpoint) => BridgeEndpointConventions.Apply(context, endpoint, BridgeMode.Embedded, testHarness: true));
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
